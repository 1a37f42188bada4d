using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Parsing;

/// <summary>The parser's lazy representation: values decoded on demand, one copy of the bytes, same results as before.</summary>
public sealed class SipMessageParserTests
{
    private static SipMessage Parse(string text) =>
        SipMessageParser.Parse(Encoding.UTF8.GetBytes(text)).Message ?? throw new InvalidOperationException("does not parse");

    private static string Text(SipMessage message) => Encoding.UTF8.GetString(message.ToArray());

    [Fact]
    public void Parse_TypicalInvite_AllocatesUnderOneKilobyte()
    {
        for (var i = 0; i < 100; i++)
        {
            SipMessageParser.Parse(SampleMessages.Invite); // warm up (tiered JIT, statics)
        }

        const int Rounds = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            Assert.NotNull(SipMessageParser.Parse(SampleMessages.Invite).Message);
        }

        var perParse = (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
        Assert.True(perParse < 1024, $"{perParse} bytes per INVITE parse");
    }

    [Fact]
    public void Parse_TypicalInvite_TypedValuesAsBefore()
    {
        var request = Assert.IsType<SipRequest>(SipMessageParser.Parse(SampleMessages.Invite).Message);

        Assert.Equal(SipMethods.Invite, request.Method);
        Assert.Equal("ivr", request.Uri.User);
        Assert.Equal("10.0.0.1", request.Uri.Host);
        Assert.Equal(5060, request.Uri.Port);
        Assert.Equal("8d3e6f0a2b1c@10.0.0.2", request.CallId);
        Assert.Equal(new SipCSeq(1, SipMethods.Invite), request.CSeq);
        Assert.Equal("4f9a1c", request.From!.Tag);
        Assert.Equal("Caller", request.From.DisplayName);
        Assert.Equal("z9hG4bK-524287-1---abc123", request.TopVia!.Branch);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal(8, request.Headers.GetValues(SipHeaderNames.Allow).Count);
        Assert.Equal("Bench", request.Headers[SipHeaderNames.UserAgent]);
        Assert.Equal(171, request.Body.Length);
        Assert.StartsWith("v=0\r\n", Encoding.ASCII.GetString(request.Body.Span), StringComparison.Ordinal);
        Assert.Null(SipMessageValidator.Validate(request));
    }

    [Fact]
    public void Parse_SameValueReadTwice_DecodedOnce()
    {
        var request = SipMessageParser.Parse(SampleMessages.Invite).Message!;

        Assert.Same(request.Headers.Get(SipHeaderNames.CallId), request.Headers.Get(SipHeaderNames.CallId));
        Assert.Same(((SipRequest)request).Uri, ((SipRequest)request).Uri);
    }

    [Fact]
    public void Serialize_UntouchedParsedMessage_ReproducesTheReceivedBytes()
    {
        var request = SipMessageParser.Parse(SampleMessages.Invite).Message!;

        Assert.Equal(Encoding.ASCII.GetString(SampleMessages.Invite), Text(request));
    }

    [Fact]
    public void Serialize_AfterReplaceFirstAndWith_KeepsOrderAndOtherRawValues()
    {
        var request = (SipRequest)SipMessageParser.Parse(SampleMessages.Invite).Message!;
        var changed = request with
        {
            Uri = SipUri.Parse("sip:agent@10.0.0.9"),
            Headers = request.Headers
                .ReplaceFirst(SipHeaderNames.Via, "SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKx;received=10.0.0.3")
                .With(SipHeaderNames.MaxForwards, "69")
                .Prepend("X-First", "1")
                .Without(SipHeaderNames.UserAgent),
        };

        var text = Text(changed);
        var reparsed = (SipRequest)SipMessageParser.Parse(Encoding.ASCII.GetBytes(text)).Message!;
        Assert.StartsWith("INVITE sip:agent@10.0.0.9 SIP/2.0\r\nX-First: 1\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKx;received=10.0.0.3\r\nMax-Forwards: 69\r\n", text, StringComparison.Ordinal);
        Assert.Null(reparsed.Headers[SipHeaderNames.UserAgent]);
        Assert.Equal("8d3e6f0a2b1c@10.0.0.2", reparsed.CallId);
        Assert.Equal(request.Body.ToArray(), reparsed.Body.ToArray());
        Assert.Equal("ivr", request.Uri.User); // the original is unchanged
        Assert.Equal(Encoding.ASCII.GetString(SampleMessages.Invite), Text(request));
    }

    [Fact]
    public void Parse_FoldedAndCompactHeaders_UnfoldedValueAndLongNames()
    {
        var m = Parse("OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nf: <sip:x@y>;tag=1\r\nt: <sip:a@b>\r\n" +
                      "i: c1\r\nCSeq: 1 OPTIONS\r\nSubject: first\r\n   second\r\n\tthird\r\nl: 0\r\n\r\n");

        Assert.Equal("first second third", m.Headers[SipHeaderNames.Subject]);
        Assert.Equal("c1", m.CallId);
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "Subject", "Content-Length"], m.Headers.Select(h => h.Name));
        Assert.Contains("Subject: first second third\r\n", Text(m), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContentLengthShorterThanDatagram_BodyCutAndTrailingBytesIgnored()
    {
        var m = Parse("MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nContent-Length: 3\r\n\r\nabcdef");

        Assert.Equal("abc", Encoding.ASCII.GetString(m.Body.Span));
    }

    [Theory]
    [InlineData("Content-Length: 3\r\nl: 4\r\n", "Conflicting Content-Length headers")]
    [InlineData("Content-Length: 3x\r\n", "Invalid Content-Length")]
    [InlineData("Content-Length: 99\r\n", "Content-Length larger than the message body")]
    public void Parse_BadContentLength_400WithHeadersForTheReply(string lengths, string reason)
    {
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes(
            "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: cl@test\r\n" + lengths + "\r\nabc"));

        Assert.False(result.Success);
        Assert.Equal(400, result.ErrorStatus);
        Assert.Equal(reason, result.ErrorReason);
        Assert.Equal("cl@test", result.PartialHeaders![SipHeaderNames.CallId]);
    }

    [Theory]
    [InlineData("sip:alice@[2001:db8::1]:5070;transport=tcp?subject=x", "[2001:db8::1]", 5070)]
    [InlineData("sips:%61lice:pw@example.com;lr", "example.com", null)]
    [InlineData("tel:+46-8-123;phone-context=+46", "", null)]
    [InlineData("urn:service:sos", "", null)]
    public void Parse_RequestUriForms_LazyUriEqualsEagerParse(string uri, string host, int? port)
    {
        var request = (SipRequest)Parse($"OPTIONS {uri} SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(SipUri.Parse(uri).ToString(), request.Uri.ToString());
        Assert.Equal(host, request.Uri.Host);
        Assert.Equal(port, request.Uri.Port);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:a@b:99999")]
    [InlineData("sip:@host")]
    [InlineData("sip:a@b;=x")]
    [InlineData("sip:a%zz@b")]
    [InlineData("sip:a@[::1")]
    [InlineData("1sip:a@b")]
    public void Parse_MalformedRequestUri_Rejected400(string uri)
    {
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes($"OPTIONS {uri} SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n"));

        Assert.False(result.Success);
        Assert.Equal(400, result.ErrorStatus);
        Assert.Equal("Malformed Request-URI", result.ErrorReason);
        Assert.False(SipUri.TryParse(uri, out _));
    }

    [Fact]
    public void Parse_LongRequestUri_ValidatedWithoutTheStackBuffer()
    {
        var user = new string('u', 2000);
        var request = (SipRequest)Parse($"OPTIONS sip:{user}@host SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n");

        Assert.Equal(user, request.Uri.User);
    }

    [Fact]
    public async Task LazyValues_ReadFromManyThreads_AllSeeTheSameText()
    {
        for (var round = 0; round < 50; round++)
        {
            var m = SipMessageParser.Parse(SampleMessages.Invite).Message!;
            var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
                string.Join("|", m.Headers.Select(h => h.Value)) + ((SipRequest)m).Uri))).DefaultTimeout();

            Assert.All(reads, r => Assert.Equal(reads[0], r));
            Assert.Contains("8d3e6f0a2b1c@10.0.0.2", reads[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Response_StandardReasonPhrase_ReusesTheConstant()
    {
        var ok = Assert.IsType<SipResponse>(SipMessageParser.Parse(SampleMessages.Ok).Message);
        var custom = Assert.IsType<SipResponse>(Parse("SIP/2.0 200 Fine\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n"));

        Assert.Same(SipStatusCodes.ReasonPhrase(200), ok.ReasonPhrase);
        Assert.Equal("Fine", custom.ReasonPhrase);
        Assert.Equal(Encoding.ASCII.GetString(SampleMessages.Ok), Text(ok));
    }
}
