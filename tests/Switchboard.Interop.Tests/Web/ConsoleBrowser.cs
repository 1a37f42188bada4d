using System.Text.Json;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Chromium;

namespace Switchboard.Interop.Tests.Web;

/// <summary>Steps the console tests share: signing in with the keyboard, reading fields, saving screenshots.</summary>
internal static class ConsoleBrowser
{
    public static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long axe-core may take over a page: it walks every node of the supervisor page (calendar, tables, charts),
    /// which takes seconds on a loaded machine. Only the time to fail; nothing is asserted about speed.
    /// </summary>
    private static readonly TimeSpan AxeDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Opens <c>/console</c>, signs in on the shared sign-in page with the keyboard only, and waits for the role's page.</summary>
    public static async Task SignInAsync(ChromiumBrowser browser, Uri web, string token, string page)
    {
        await browser.NavigateAsync(new Uri(web, "/console"), Live);
        await browser.WaitUntilAsync("location.pathname === '/signin' && !!document.getElementById('token')", Live);
        await browser.TabToAsync("#token");
        await browser.TypeAsync(token);
        await browser.PressAsync("Enter");
        await browser.WaitUntilAsync($"location.pathname === {JsonSerializer.Serialize(page)} && document.body.dataset.ready === 'true'", Live);
    }

    /// <summary>The text of the element with id <paramref name="id"/> ('' when missing).</summary>
    public static async Task<string> TextAsync(ChromiumBrowser browser, string id) =>
        (await browser.EvaluateAsync($"document.getElementById({JsonSerializer.Serialize(id)})?.textContent ?? ''")).GetString() ?? string.Empty;

    /// <summary>A JavaScript condition: the element with id <paramref name="id"/> is shown.</summary>
    public static string Visible(string id) => $"!document.getElementById('{id}').classList.contains('hidden')";

    /// <summary>Saves a full-page screenshot under the test output's <c>screenshots/</c> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(ChromiumBrowser browser, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        await browser.ScreenshotAsync(path);
        Assert.True(new FileInfo(path).Length > 10_000, "a real screenshot was written: " + path);
        return path;
    }

    /// <summary>Runs axe-core in the page and fails on any serious or critical WCAG 2.1 A/AA violation.</summary>
    public static async Task AssertAccessibleAsync(ChromiumBrowser browser)
    {
        var violations = await AxeCheck.SeriousViolationsAsync(browser).WaitAsync(AxeDeadline);
        Assert.True(violations.Count == 0, "axe-core: " + string.Join(" | ", violations));
    }
}
