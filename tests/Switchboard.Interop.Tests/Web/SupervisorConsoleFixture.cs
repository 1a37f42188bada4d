using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Chromium;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// One real server (the call-flow harness: server process, Redis tenant, the agent's registered baresip phone) and one
/// headless Chromium signed in as the supervisor, shared by the supervisor page tests of a class (they run one after
/// the other and leave the live settings as they found them).
/// </summary>
public sealed class SupervisorConsoleFixture : IAsyncLifetime
{
    private CallFlowHarness? _harness;
    private ChromiumBrowser? _browser;

    internal CallFlowHarness Harness => _harness ?? throw new InvalidOperationException("not started");

    public ChromiumBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _harness = await CallFlowHarness.StartAsync();
        _browser = await ChromiumBrowser.StartAsync(1280, 1000).WaitAsync(TestTimeouts.ProcessStart);
        await ConsoleBrowser.SignInAsync(_browser, _harness.Server.WebUrl, CallFlowHarness.SupervisorToken, "/console/supervisor");
    }

    /// <summary>Selects a tab with the keyboard (Tab to the tab list, arrow keys would also do) and waits for its panel.</summary>
    public async Task OpenTabAsync(string name)
    {
        await Browser.EvaluateAsync($"document.getElementById('tab-{name}').focus(); true");
        await Browser.PressAsync("Enter");
        await Browser.WaitUntilAsync(ConsoleBrowser.Visible("panel-" + name), ConsoleBrowser.Live);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
