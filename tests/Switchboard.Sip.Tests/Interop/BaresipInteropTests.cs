using System.Net;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>
/// Real baresip on 127.0.0.1: registers with digest auth, calls us and hangs up (our dialog must end by its BYE, which we
/// answer 200), then answers our call, which we end with BYE.
/// </summary>
public sealed class BaresipInteropTests
{
    [Fact]
    public async Task Baresip_RegistersWithDigestCallsUsAndAnswersOurCall()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions
        {
            Transport = new SipTransportOptions { Port = 0 },
            // baresip 1.0's libre gives up (ENOSYS) when any SHA-256 challenge is offered, even beside an MD5 one.
            Registrar = new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] },
            Credentials = new InMemorySipCredentialStore(new Dictionary<string, string> { ["agent7"] = "s3cret" }),
        });
        await using var machine = new AnsweringMachine(endpoint.UserAgent);
        await using var phone = await BaresipPhone.StartAsync(new BaresipOptions
        {
            User = "agent7",
            AutoAnswer = true,
            Registrar = new IPEndPoint(IPAddress.Loopback, endpoint.Port),
            AuthUser = "agent7",
            Password = "s3cret",
        }).DefaultTimeout();

        var registered = phone.WaitForEventAsync(BaresipEventType.RegisterOk);
        if (await Task.WhenAny(registered, Task.Delay(TestTimeouts.Default)) != registered)
        {
            Assert.Fail("baresip did not register:\n" + phone.Log);
        }

        var bindings = await endpoint.Registrar!.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout();
        var binding = Assert.Single(bindings);

        // baresip calls us
        await phone.DialAsync($"sip:ivr@127.0.0.1:{endpoint.Port}").DefaultTimeout();
        await phone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await machine.FirstAnswered.DefaultTimeout();
        Assert.Equal(1, machine.Answered);
        var dialog = await machine.FirstDialog.DefaultTimeout();
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.False(dialog.Terminated.IsCompleted);
        var since = phone.EventCount;
        await phone.HangupAsync().DefaultTimeout();
        await phone.WaitForEventAsync(BaresipEventType.CallClosed, since).DefaultTimeout();

        // our side of that call ended because of baresip's BYE, and we answered the BYE with 200
        var ended = await dialog.Terminated.DefaultTimeout();
        Assert.True(ended.ByRemote, ended.ToString());
        Assert.Equal("BYE", ended.Reason);
        Assert.Equal(SipDialogState.Terminated, dialog.State);
        var afterBye = endpoint.Metrics;
        Assert.Equal(1, afterBye.Count(SipTransactionMetrics.ServerSide, SipMethods.Bye, "2xx"));
        Assert.Equal(0, SipTransactionMetrics.Outcomes.Where(o => o != "2xx").Sum(o => afterBye.Count(SipTransactionMetrics.ServerSide, SipMethods.Bye, o) + afterBye.Count(SipTransactionMetrics.ClientSide, SipMethods.Bye, o)));
        Assert.Equal(1, afterBye.Count(SipTransactionMetrics.ServerSide, SipMethods.Invite, "2xx"));
        Assert.Equal(0, endpoint.UserAgent.DialogCount);

        // we call baresip at its registered contact
        var result = await endpoint.UserAgent.InviteAsync(SipUri.Parse(binding.Contact), TestSdp.ContentType, TestSdp.Create(),
            new() { Destination = binding.Source }).DefaultTimeout();
        Assert.True(result.Answered, result.FinalResponse.ToString());
        Assert.Contains("m=audio", System.Text.Encoding.ASCII.GetString(result.AnswerBody.Span), StringComparison.Ordinal);
        Assert.Equal(200, (await result.Dialog!.ByeAsync().DefaultTimeout()).StatusCode);
        var ours = await result.Dialog.Terminated.DefaultTimeout();
        Assert.False(ours.ByRemote);
        Assert.Equal(1, endpoint.Metrics.Count(SipTransactionMetrics.ClientSide, SipMethods.Bye, "2xx"));
    }
}
