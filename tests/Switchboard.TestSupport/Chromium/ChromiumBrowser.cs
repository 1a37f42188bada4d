using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.TestSupport.Chromium;

/// <summary>
/// Debian's <c>chromium</c> started headless (<c>--headless=new</c>, <c>--no-sandbox</c> as the tests run as root)
/// with a throw-away profile and <c>--remote-debugging-port=0</c>; the chosen port is read from the profile's
/// <c>DevToolsActivePort</c> file and the first page is driven over the DevTools protocol (<see cref="CdpSession"/>).
/// Install it with <c>eng/install-deps.sh web</c>. Disposing closes the browser and deletes the profile.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly OutputTail _stderr;

    private ChromiumBrowser(Process process, string profile, OutputTail stderr, CdpSession page)
    {
        _process = process;
        _profile = profile;
        _stderr = stderr;
        Page = page;
    }

    /// <summary>The page target.</summary>
    public CdpSession Page { get; }

    /// <summary>What Chromium wrote to stderr (for failure messages).</summary>
    public string StandardError => _stderr.ToString();

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

    /// <summary>Starts Chromium with a window of <paramref name="width"/> x <paramref name="height"/> CSS pixels and connects to its page.</summary>
    public static async Task<ChromiumBrowser> StartAsync(int width = 1600, int height = 1000, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable()
            ?? throw new InvalidOperationException("chromium not found: install it with eng/install-deps.sh web (Debian package chromium) or set SB_CHROMIUM");
        var profile = Path.Combine(Path.GetTempPath(), "sb-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--hide-scrollbars", "--mute-audio", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--user-data-dir=" + profile, string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var stderr = new OutputTail(64 * 1024);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.OutputDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var port = await WaitForPortAsync(process, profile, stderr, cancellationToken).ConfigureAwait(false);
            var socketUrl = await FindPageAsync(port, cancellationToken).ConfigureAwait(false);
            var page = await CdpSession.ConnectAsync(socketUrl, cancellationToken).ConfigureAwait(false);
            var browser = new ChromiumBrowser(process, profile, stderr, page);
            await page.SendAsync("Page.enable", cancellationToken: cancellationToken).ConfigureAwait(false);
            await page.SendAsync("Runtime.enable", cancellationToken: cancellationToken).ConfigureAwait(false);
            await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width,
                ["height"] = height,
                ["deviceScaleFactor"] = 1,
                ["mobile"] = false,
            }, cancellationToken).ConfigureAwait(false);
            return browser;
        }
        catch
        {
            Stop(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Loads <paramref name="url"/> and waits until the document has loaded.</summary>
    public async Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = await Page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken).ConfigureAwait(false);
        if (result.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
        {
            throw new CdpException($"navigating to {url} failed: {text}");
        }

        await WaitUntilAsync($"document.readyState === 'complete' && location.href !== 'about:blank'", timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates a JavaScript expression in the page (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        var result = await Page.SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, cancellationToken).ConfigureAwait(false);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new CdpException($"script threw: {exception.GetRawText()}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is <c>true</c>; throws <see cref="TimeoutException"/> with the page text after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(string expression, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                var value = await EvaluateAsync(expression, cancellationToken).ConfigureAwait(false);
                if (value.ValueKind == JsonValueKind.True)
                {
                    return;
                }
            }
            catch (CdpException ex)
            {
                // The page may be between documents during a navigation.
                last = ex;
            }

            if (deadline.Elapsed > timeout)
            {
                var text = await TryPageTextAsync(cancellationToken).ConfigureAwait(false);
                throw new TimeoutException($"not true within {timeout.TotalSeconds:0} s: {expression}; page: {text}; last error: {last?.Message}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Saves a PNG screenshot of the viewport to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken = default)
    {
        var result = await Page.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken).ConfigureAwait(false);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Page.SendAsync("Browser.close", cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CdpException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Killed below.
        }

        await Page.DisposeAsync().ConfigureAwait(false);
        Stop(_process);
        TryDelete(_profile);
    }

    private async Task<string> TryPageTextAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await EvaluateAsync("document.body ? document.body.innerText : ''", cancellationToken).ConfigureAwait(false);
            return text.ValueKind == JsonValueKind.String ? text.GetString()!.ReplaceLineEndings(" | ") : string.Empty;
        }
        catch (CdpException ex)
        {
            return "(unreadable: " + ex.Message + ")";
        }
    }

    private static async Task<int> WaitForPortAsync(Process process, string profile, OutputTail stderr, CancellationToken cancellationToken)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr}");
            }

            if (File.Exists(file))
            {
                var lines = await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false);
                if (lines.Length > 0 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0)
                {
                    return port;
                }
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"chromium did not open its DevTools port within 30 s: {stderr}");
    }

    private static async Task<Uri> FindPageAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var targets = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken).ConfigureAwait(false);
            foreach (var target in targets.EnumerateArray())
            {
                if (target.GetProperty("type").GetString() == "page" && target.TryGetProperty("webSocketDebuggerUrl", out var url))
                {
                    return new Uri(url.GetString()!);
                }
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("chromium shows no page target");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp directory is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
