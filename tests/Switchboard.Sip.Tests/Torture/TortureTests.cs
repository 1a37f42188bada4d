using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>RFC 4475 torture messages, grouped as in Torture/README.md.</summary>
public sealed class TortureTests
{
    [Theory]
    [InlineData("wsinv")]
    [InlineData("intmeth")]
    [InlineData("esc01")]
    [InlineData("escnull")]
    [InlineData("esc02")]
    [InlineData("lwsdisp")]
    [InlineData("longreq")]
    [InlineData("dblreq")]
    [InlineData("semiuri")]
    [InlineData("transports")]
    [InlineData("mpart01")]
    [InlineData("unreason")]
    [InlineData("noreason")]
    [InlineData("badbranch")]
    [InlineData("inv2543")]
    public void Parse_ValidTortureMessage_ParsesAndValidates(string name)
    {
        var result = SipMessageParser.Parse(TortureMessages.Load(name));

        Assert.True(result.Success, result.ErrorReason);
        Assert.Null(SipMessageValidator.Validate(result.Message!));
    }

    [Theory]
    [InlineData("badinv01", 400)]
    [InlineData("clerr", 400)]
    [InlineData("ncl", 400)]
    [InlineData("scalar02", 400)]
    [InlineData("quotbal", 400)]
    [InlineData("ltgtruri", 400)]
    [InlineData("lwsruri", 400)]
    [InlineData("lwsstart", 400)]
    [InlineData("trws", 400)]
    [InlineData("escruri", 400)]
    [InlineData("baddate", 400)]
    [InlineData("regbadct", 400)]
    [InlineData("badaspec", 400)]
    [InlineData("baddn", 400)]
    [InlineData("badvers", 505)]
    [InlineData("mismatch01", 400)]
    [InlineData("mismatch02", 400)]
    public void Respond_InvalidTortureRequest_RejectedWithStatus(string name, int expected)
    {
        var bytes = TortureMessages.Load(name);
        var parsed = SipMessageParser.Parse(bytes);
        Assert.True(!parsed.Success || SipMessageValidator.Validate(parsed.Message!) is not null);

        Assert.Equal(expected, TortureResponder.Respond(bytes));
    }

    [Theory]
    [InlineData("scalarlg")]
    [InlineData("bigcode")]
    public void Respond_InvalidTortureResponse_RejectedAndDropped(string name)
    {
        var bytes = TortureMessages.Load(name);
        var parsed = SipMessageParser.Parse(bytes);

        Assert.True(!parsed.Success || SipMessageValidator.Validate(parsed.Message!) is not null);
        Assert.Null(TortureResponder.Respond(bytes));
    }

    [Theory]
    [InlineData("insuf", 400)]
    [InlineData("unkscm", 416)]
    [InlineData("novelsc", 416)]
    [InlineData("unksm2", 400)]
    [InlineData("bext01", 420)]
    [InlineData("invut", 415)]
    [InlineData("multi01", 400)]
    [InlineData("mcl01", 400)]
    [InlineData("zeromf", 483)]
    [InlineData("cparam01", 200)]
    [InlineData("cparam02", 200)]
    [InlineData("regescrt", 200)]
    [InlineData("sdp01", 406)]
    public void Respond_ApplicationLayerTortureRequest_GetsRfcStatus(string name, int expected) =>
        Assert.Equal(expected, TortureResponder.Respond(TortureMessages.Load(name)));

    [Fact]
    public void Respond_BroadcastViaResponse_NoResponseSent()
    {
        var parsed = SipMessageParser.Parse(TortureMessages.Load("bcast"));

        Assert.True(parsed.Success);
        Assert.IsType<SipResponse>(parsed.Message);
        Assert.Null(TortureResponder.Respond(TortureMessages.Load("bcast")));
    }

    [Fact]
    public void Parse_Wsinv_FoldedAndSpacedHeadersReadCorrectly()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("wsinv")).Message!;

        Assert.Equal("INVITE", m.Method);
        Assert.Equal("1918181833n", m.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", m.From!.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal(new SipCSeq(9, "INVITE"), m.CSeq);
        Assert.Equal(3, m.Vias.Count);
        Assert.Equal("UDP", m.Vias[0].Transport);
        Assert.Equal("spindle.example.com", m.Vias[1].Host);
        Assert.Equal("z9hG4bK9ikj8", m.Vias[1].Branch);
        Assert.Equal("newfangled value continued newfangled value", m.Headers["NewFangledHeader"]);
        Assert.Equal(";;,,;;,;", m.Headers["UnknownHeaderWithUnusualValue"]);
        Assert.Equal(150, m.Body.Length);
        Assert.Equal(string.Empty, m.Headers[SipHeaderNames.Subject]);
    }

    [Fact]
    public void Parse_Intmeth_UnusualMethodAndUriCharacters()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("intmeth")).Message!;

        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.Uri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.Uri.Password);
        Assert.Equal("example.com", m.Uri.Host);
        Assert.Equal("_token~1'+`*%!-.", m.From!.Tag);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
    }

    [Fact]
    public void Parse_EscapedUserParts_DecodeAsRfcDescribes()
    {
        var esc01 = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("esc01")).Message!;
        var escnull = SipMessageParser.Parse(TortureMessages.Load("escnull")).Message!;

        Assert.Equal("sips:user@example.com", esc01.Uri.UserUnescaped);
        Assert.Equal("null-\0-null", escnull.To!.Uri.UserUnescaped);
    }

    [Fact]
    public void Parse_Esc02_PercentInMethodIsNotRegister()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("esc02")).Message!;

        Assert.Equal("RE%47IST%45R", m.Method);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", m.Headers["C%6Fntact"]);
    }

    [Fact]
    public void Parse_Dblreq_OnlyFirstRequestRead()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("dblreq")).Message!;

        Assert.Equal("REGISTER", m.Method);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Parse_Semiuri_SemicolonInUserPart()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("semiuri")).Message!;

        Assert.Equal("user;par=u%40example.net", m.Uri.User);
        Assert.Equal("example.com", m.Uri.Host);
    }

    [Fact]
    public void Parse_Transports_FiveViaHops()
    {
        var m = SipMessageParser.Parse(TortureMessages.Load("transports")).Message!;

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Parse_ResponsesWithOddReasons_ReasonKept()
    {
        var noreason = (SipResponse)SipMessageParser.Parse(TortureMessages.Load("noreason")).Message!;
        var unreason = (SipResponse)SipMessageParser.Parse(TortureMessages.Load("unreason")).Message!;

        Assert.Equal(100, noreason.StatusCode);
        Assert.Equal(string.Empty, noreason.ReasonPhrase);
        Assert.Equal(200, unreason.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 ", unreason.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(154, unreason.Body.Length);
    }

    [Fact]
    public void Parse_Longreq_LongValuesKept()
    {
        var m = SipMessageParser.Parse(TortureMessages.Load("longreq")).Message!;

        Assert.True(m.Vias.Count >= 10);
        Assert.True(m.To!.DisplayName!.Length > 100);
        Assert.Equal(Encoding.ASCII.GetByteCount(Encoding.ASCII.GetString(m.Body.Span)), m.Body.Length);
    }

    [Fact]
    public void Parse_Inv2543_AcceptedWithoutBranchOrContentLength()
    {
        var m = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("inv2543")).Message!;

        Assert.Null(m.TopVia!.Branch);
        Assert.Null(m.From!.Tag);
        Assert.True(m.Body.Length > 0);
    }
}
