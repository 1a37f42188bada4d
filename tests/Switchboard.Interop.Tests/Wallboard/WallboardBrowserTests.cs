using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Chromium;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Wallboard;

/// <summary>
/// The wallboard in headless Chromium (PuppeteerSharp), against the real server process and Redis:
/// sign-in is required, the session cookie holds no token, the queues show with Swedish labels, and a baresip caller dialling into a queue appears,
/// then leaves as abandoned, without the page being reloaded; after signing out the old cookie is refused. Saves a screenshot.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WallboardBrowserTests(ITestOutputHelper output)
{
    private const string SupervisorToken = "wallboard-supervisor-token-0123456789";
    private const string AgentToken = "wallboard-agent-token-0123456789";
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Wallboard_SignInThenCallerDialsIn_CallerAppearsAndLeavesWithoutReload()
    {
        var tenant = "w" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = CallFlowHarness.FixtureDialplan,
            ["Acd:Tenant"] = tenant,
            ["Api:Tokens:0:Token"] = SupervisorToken,
            ["Api:Tokens:0:Subject"] = "sara",
            ["Api:Tokens:0:Role"] = "supervisor",
            ["Api:Tokens:1:Token"] = AgentToken,
            ["Api:Tokens:1:Subject"] = "anna",
            ["Api:Tokens:1:Role"] = "agent",
            ["Statistics:ShortAbandonThreshold"] = "00:00:00",
        }); // bounded by TestTimeouts.ProcessStart
        await using var browser = await ChromiumBrowser.StartAsync(1600, 900).WaitAsync(TestTimeouts.ProcessStart);
        var wallboard = new Uri(server.WebUrl, "/wallboard");

        // Not signed in: the page sends the browser to the shared sign-in page.
        await browser.NavigateAsync(wallboard, Live);
        await browser.WaitUntilAsync("location.pathname === '/signin' && !!document.getElementById('token')", Live);

        // An agent's token is refused with a reason on the page.
        await SubmitTokenAsync(browser, AgentToken);
        await browser.WaitUntilAsync("location.pathname === '/signin' && (document.querySelector('.error')?.textContent ?? '').includes('supervisor')", Live);

        // The supervisor's token signs in; the queues of the dialplan show with Swedish labels.
        await SubmitTokenAsync(browser, SupervisorToken);
        await browser.WaitUntilAsync("location.pathname === '/wallboard' && !!document.querySelector('[data-queue=bsu] [data-field=waiting]') && document.querySelector('[data-queue=bsu] [data-field=waiting]').textContent === '0'", Live);
        var text = (await browser.EvaluateAsync("document.body.innerText")).GetString()!;
        foreach (var label in new[] { "Väntande", "Längsta väntetid", "Lediga", "I samtal", "Efterarbete", "Paus", "Besvarade", "Tappade", "Servicenivå", "BSU (test)" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        Assert.True((await browser.EvaluateAsync("!!document.querySelector('[data-queue=vaxel]')")).GetBoolean(), "the vaxel queue shows");
        // The session cookie is HttpOnly (not in document.cookie) and its value is a random id, not the token.
        Assert.False((await browser.EvaluateAsync("document.cookie.includes('sb_session') || document.cookie.includes('" + SupervisorToken + "')")).GetBoolean(), "the session cookie is HttpOnly");
        var jar = await browser.Page.GetCookiesAsync();
        var session = Assert.Single(jar, c => c.Name == "sb_session");
        Assert.True(session.HttpOnly);
        Assert.DoesNotContain(SupervisorToken, session.Value, StringComparison.Ordinal);
        Assert.All(jar, c => Assert.DoesNotContain(SupervisorToken, c.Value, StringComparison.Ordinal));

        // A marker in the page's JavaScript state: a reload would lose it.
        await browser.EvaluateAsync("window.__notReloaded = true");

        // An agent signs in paused: the paused count moves live.
        using var channel = GrpcChannel.ForAddress(server.ApiUrl);
        var agents = new AgentService.AgentServiceClient(channel);
        await new Api.Supervisor.V1.SupervisorService.SupervisorServiceClient(channel).CreateAgentAsync(
            new Api.Supervisor.V1.CreateAgentRequest { Agent = CallFlowHarness.DirectoryEntry("anna"), PhonePassword = CallFlowHarness.AgentPassword },
            new Metadata { { "Authorization", "Bearer " + SupervisorToken } }).ResponseAsync.DefaultTimeout();
        await agents.SignInAsync(
            new SignInRequest
            {
                AgentId = "anna",
                StartPaused = true,
                PauseReason = PauseReason.Lunch,
            },
            new Metadata { { "Authorization", "Bearer " + AgentToken } }).ResponseAsync.DefaultTimeout();
        await browser.WaitUntilAsync(Field("bsu", "paused") + " === '1'", Live);

        // A caller dials in and presses 1 for the bsu queue: one waiting, the longest wait counting up.
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701112233" }).DefaultTimeout();
        await caller.DialAsync($"sip:ivr@127.0.0.1:{server.SipPort}").DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await caller.SendDtmfAsync("1").DefaultTimeout();
        await browser.WaitUntilAsync(Field("bsu", "waiting") + " === '1'", Live);
        await browser.WaitUntilAsync(Field("bsu", "longestWaitSeconds") + " !== '0:00'", Live);
        Assert.True((await browser.EvaluateAsync("window.__notReloaded === true")).GetBoolean(), "the page was not reloaded");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "wallboard.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "a real screenshot was written");
        output.WriteLine("wallboard screenshot: " + screenshot);

        // The caller hangs up while waiting: no one waiting, one abandoned today, still without a reload.
        await caller.HangupAsync().DefaultTimeout();
        await browser.WaitUntilAsync(Field("bsu", "waiting") + " === '0' && " + Field("bsu", "abandoned") + " === '1'", Live);
        Assert.True((await browser.EvaluateAsync("window.__notReloaded === true")).GetBoolean(), "the page was not reloaded");

        // Signing out ends the session on the server: the old cookie no longer opens the figures.
        await browser.EvaluateAsync("document.getElementById('signout').click(); true");
        await browser.WaitUntilAsync("location.pathname === '/signin'", Live);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var old = new HttpRequestMessage(HttpMethod.Get, new Uri(server.WebUrl, "/wallboard/events"));
        old.Headers.Add("Cookie", "sb_session=" + session.Value);
        using var refused = await http.SendAsync(old).DefaultTimeout();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Wallboard_EventsWithoutSignIn_Unauthorized()
    {
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = CallFlowHarness.FixtureDialplan,
            ["Acd:Tenant"] = "w" + Guid.NewGuid().ToString("N")[..12],
            ["Api:Tokens:0:Token"] = SupervisorToken,
            ["Api:Tokens:0:Subject"] = "sara",
            ["Api:Tokens:0:Role"] = "supervisor",
        }); // bounded by TestTimeouts.ProcessStart
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        using var events = await http.GetAsync(new Uri(server.WebUrl, "/wallboard/events")).DefaultTimeout();
        using var page = await http.GetAsync(new Uri(server.WebUrl, "/wallboard")).DefaultTimeout();
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(server.WebUrl, "/wallboard/events"));
        forged.Headers.Add("Cookie", "sb_session=not-a-session-0123456789");
        using var forgedResponse = await http.SendAsync(forged).DefaultTimeout();

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/signin?next=%2Fwallboard", page.Headers.Location?.ToString());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forgedResponse.StatusCode);

    }

    private static string Field(string queue, string field) =>
        $"(document.querySelector('[data-queue={queue}] [data-field={field}]')?.textContent ?? '')";

    private static async Task SubmitTokenAsync(ChromiumBrowser browser, string token)
    {
        await browser.WaitUntilAsync("document.readyState === 'complete' && !!document.getElementById('token')", Live);
        await browser.EvaluateAsync("window.__submitted = true");
        await browser.EvaluateAsync(
            $"document.getElementById('token').value = {JsonSerializer.Serialize(token)}; document.getElementById('signin').click(); true");
        // The form post loads a new document: wait until the old one (with the marker) is gone.
        await browser.WaitUntilAsync("document.readyState === 'complete' && window.__submitted !== true", Live);
    }
}
