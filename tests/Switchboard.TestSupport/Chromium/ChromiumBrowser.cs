using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Input;

namespace Switchboard.TestSupport.Chromium;

/// <summary>
/// Debian's <c>chromium</c> started headless by PuppeteerSharp (<see cref="LaunchOptions.ExecutablePath"/>: no browser is
/// downloaded; <c>--no-sandbox</c> as the tests run as root) with a throw-away profile, and its first page. Install it
/// with <c>eng/install-deps.sh web</c>. Disposing closes the browser and deletes the profile.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly List<string> _console = [];

    private ChromiumBrowser(IBrowser browser, IPage page)
    {
        _browser = browser;
        Page = page;
        page.Console += (_, e) =>
        {
            lock (_console)
            {
                if (_console.Count < 200)
                {
                    _console.Add($"{e.Message.Type}: {e.Message.Text}");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (_console)
            {
                _console.Add("pageerror: " + e.Message);
            }
        };
    }

    /// <summary>The page (PuppeteerSharp), for keyboard input, cookies and anything else a test needs.</summary>
    public IPage Page { get; }

    /// <summary>What the page wrote to its console and the errors it threw (for failure messages).</summary>
    public string ConsoleOutput
    {
        get
        {
            lock (_console)
            {
                return string.Join('\n', _console);
            }
        }
    }

    /// <summary>The Chromium executable: <c>SB_CHROMIUM</c>, else <c>chromium</c> on the PATH; null when missing.</summary>
    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("SB_CHROMIUM") is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Starts Chromium with a viewport of <paramref name="width"/> x <paramref name="height"/> CSS pixels.</summary>
    public static async Task<ChromiumBrowser> StartAsync(int width = 1600, int height = 1000, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable()
            ?? throw new InvalidOperationException("chromium not found: install it with eng/install-deps.sh web (Debian package chromium) or set SB_CHROMIUM");
        cancellationToken.ThrowIfCancellationRequested();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            DefaultViewport = new ViewPortOptions { Width = width, Height = height },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--disable-background-networking",
                "--disable-sync", "--hide-scrollbars", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
            ],
            Timeout = 30_000,
        }).ConfigureAwait(false);
        try
        {
            var pages = await browser.PagesAsync().ConfigureAwait(false);
            var page = pages.Length > 0 ? pages[0] : await browser.NewPageAsync().ConfigureAwait(false);
            return new ChromiumBrowser(browser, page);
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loads <paramref name="url"/> and waits until the document has loaded.</summary>
    public async Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        cancellationToken.ThrowIfCancellationRequested();
        await Page.GoToAsync(url.ToString(), new NavigationOptions { Timeout = (int)timeout.TotalMilliseconds, WaitUntil = [WaitUntilNavigation.Load] }).ConfigureAwait(false);
    }

    /// <summary>Evaluates a JavaScript expression in the page (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await Page.EvaluateExpressionAsync<JsonElement?>(expression).ConfigureAwait(false);
        return value ?? default;
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is <c>true</c>; throws <see cref="TimeoutException"/> with the page text after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(string expression, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Exception? last = null;
        var (reached, _) = await Eventually.TryUntilAsync(async () =>
        {
            try
            {
                var value = await EvaluateAsync($"(() => {{ try {{ return ({expression}) === true; }} catch (e) {{ return false; }} }})()", cancellationToken).ConfigureAwait(false);
                return value.ValueKind == JsonValueKind.True;
            }
            catch (PuppeteerException ex)
            {
                // The page may be between documents during a navigation.
                last = ex;
                return false;
            }
        }, held => held, timeout, cancellationToken).ConfigureAwait(false);
        if (!reached)
        {
            var text = await TryPageTextAsync(cancellationToken).ConfigureAwait(false);
            throw new TimeoutException($"not true within {timeout.TotalSeconds:0} s: {expression}; page: {text}; last error: {last?.Message}; console: {ConsoleOutput}");
        }
    }

    /// <summary>Presses one key (e.g. <c>Tab</c>, <c>Enter</c>, <c>Space</c>) as a keyboard user would.</summary>
    public Task PressAsync(string key) => Page.Keyboard.PressAsync(key);

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most <paramref name="maxTabs"/> times).</summary>
    public async Task TabToAsync(string selector, int maxTabs = 80)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            var focused = await EvaluateAsync($"document.activeElement === document.querySelector({JsonSerializer.Serialize(selector)})").ConfigureAwait(false);
            if (focused.ValueKind == JsonValueKind.True)
            {
                return;
            }

            await Page.Keyboard.PressAsync(Key.Tab).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{selector} never got the focus by Tab in {maxTabs} presses");
    }

    /// <summary>Types <paramref name="text"/> into the focused element.</summary>
    public Task TypeAsync(string text) => Page.Keyboard.TypeAsync(text);

    /// <summary>Saves a PNG screenshot of the viewport to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await Page.ScreenshotAsync(path, new ScreenshotOptions { Type = ScreenshotType.Png, FullPage = true }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PuppeteerException or TimeoutException)
        {
            // Disposed (killed) below.
        }

        await _browser.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<string> TryPageTextAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await EvaluateAsync("document.body ? document.body.innerText : ''", cancellationToken).ConfigureAwait(false);
            return text.ValueKind == JsonValueKind.String ? text.GetString()!.ReplaceLineEndings(" | ") : string.Empty;
        }
        catch (PuppeteerException)
        {
            return string.Empty;
        }
    }
}
