using System.Text.Json;

namespace Switchboard.TestSupport.Chromium;

/// <summary>
/// The automated accessibility check: axe-core's script (carried by the Deque.AxeCore.Commons package) evaluated in the
/// page, then <c>axe.run</c> with the WCAG 2.0/2.1 A and AA rules. Returns the violations of impact serious or critical
/// as "rule: help (n nodes: selectors)" lines; an empty list is a pass.
/// </summary>
public static class AxeCheck
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var assembly = typeof(Deque.AxeCore.Commons.AxeResult).Assembly;
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Runs axe-core on the page's current document.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(ChromiumBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await browser.EvaluateAsync(Script.Value + ";true").ConfigureAwait(false);
        const string run = """
            (async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')})`);
            })()
            """;
        var violations = await browser.EvaluateAsync(run).ConfigureAwait(false);
        return violations.ValueKind == JsonValueKind.Array ? [.. violations.EnumerateArray().Select(v => v.GetString() ?? string.Empty)] : ["axe returned no result"];
    }
}
