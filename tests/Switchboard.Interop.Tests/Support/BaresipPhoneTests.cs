using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Support;

public sealed class BaresipPhoneTests
{
    [Fact]
    public async Task DialAsync_AutoAnsweringPeer_EstablishedThenClosedOnBoth()
    {
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "caller" }).DefaultTimeout();
        await using var callee = await BaresipPhone.StartAsync(new BaresipOptions { User = "agent", AutoAnswer = true }).DefaultTimeout();

        await caller.DialAsync(callee.Uri).DefaultTimeout();

        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var answered = await callee.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        Assert.Equal("incoming", answered.Direction);
        Assert.Equal(caller.Uri, answered.PeerUri);

        await caller.HangupAsync().DefaultTimeout();

        await caller.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        Assert.Equal(BaresipEventType.CallClosed, callee.CallState);
    }

    [Fact]
    public async Task AcceptAsync_IncomingCall_EstablishesAndCarriesDtmf()
    {
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "caller" }).DefaultTimeout();
        await using var callee = await BaresipPhone.StartAsync(new BaresipOptions { User = "agent" }).DefaultTimeout();

        await caller.DialAsync(callee.Uri).DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallIncoming).DefaultTimeout();
        await callee.AcceptAsync().DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        await caller.SendDtmfAsync("12#").DefaultTimeout();

        Assert.Equal("12#", await callee.WaitForDigitsAsync(3).DefaultTimeout());
        var mark = callee.EventCount;
        await callee.HangupAsync().DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallClosed, since: mark).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
    }

    [Fact]
    public async Task Record_CalleeHearsCallerSine_EnergyAt440Hz()
    {
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "caller", SineFrequency = 440 }).DefaultTimeout();
        await using var callee = await BaresipPhone.StartAsync(new BaresipOptions { User = "agent", AutoAnswer = true, Record = true }).DefaultTimeout();

        await caller.DialAsync(callee.Uri).DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        var recording = await callee.WaitForHeardAudioAsync(TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        await caller.HangupAsync().DefaultTimeout();
        await callee.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();

        var audio = PcmRecording.Read(recording);
        // Skip the first half second (jitter buffer fill, possible silence before RTP flows).
        var steady = audio with { Samples = audio.Samples[(audio.SampleRate / 2)..] };
        Assert.Equal(8000, audio.SampleRate);
        Assert.True(steady.Rms() > 500, $"recording is near silent: RMS {steady.Rms():0}");
        Assert.True(steady.ToneRatio(440) > 0.5, $"440 Hz share {steady.ToneRatio(440):0.00}");
        Assert.True(steady.ToneRatio(1000) < 0.05, $"1000 Hz share {steady.ToneRatio(1000):0.00}");
    }

    [Fact]
    public async Task SendCommandAsync_UnknownCommand_Throws()
    {
        await using var phone = await BaresipPhone.StartAsync().DefaultTimeout();

        await Assert.ThrowsAsync<InvalidOperationException>(() => phone.SendCommandAsync("nosuchcommand", null).DefaultTimeout());
    }

    [Fact]
    public async Task StartAsync_WithRegistrar_RegistersWithDigestCredentials()
    {
        // SIPp plays a registrar that challenges (401) and then wants an Authorization header for agent1.
        var scenario = SippScenarioFile.Write(ChallengingRegistrarScenario);
        await using var registrar = SippRunner.Start(new SippOptions { ScenarioFile = scenario, Calls = 1, Timeout = TimeSpan.FromSeconds(15) });
        await registrar.WaitUntilListeningAsync().DefaultTimeout();

        await using var phone = await BaresipPhone.StartAsync(new BaresipOptions
        {
            User = "agent1",
            AutoAnswer = true,
            Registrar = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, registrar.LocalPort),
            AuthUser = "agent1",
            Password = "secret",
        }).DefaultTimeout();
        var result = await registrar.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.Statistics.SuccessfulCalls);
    }

    [Fact]
    public void BuildAccount_Registrar_WritesCredentialsAndAutoAnswer()
    {
        var options = new BaresipOptions
        {
            User = "agent1",
            AutoAnswer = true,
            Registrar = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060),
            AuthUser = "agent1",
            Password = "secret",
        };

        var account = BaresipPhone.BuildAccount(options, 5062);

        Assert.Equal("<sip:agent1@127.0.0.1:5060>;regint=60;auth_user=agent1;auth_pass=secret;answermode=auto", account);
    }

    private const string ChallengingRegistrarScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="registrar with digest challenge">
          <recv request="REGISTER" crlf="true"/>
          <send>
            <![CDATA[
              SIP/2.0 401 Unauthorized
              [last_Via:]
              [last_From:]
              [last_To:];tag=reg[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              WWW-Authenticate: Digest realm="switchboard", nonce="4f2a9c", algorithm=MD5, qop="auth"
              Content-Length: 0
            ]]>
          </send>
          <recv request="REGISTER">
            <action>
              <ereg regexp="Digest username=.agent1." search_in="hdr" header="Authorization:" check_it="true" assign_to="auth"/>
            </action>
          </recv>
          <Reference variables="auth"/>
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=reg[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              [last_Contact:];expires=60
              Content-Length: 0
            ]]>
          </send>
        </scenario>
        """;
}
