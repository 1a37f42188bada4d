using Switchboard.Dialplan.Loading;

namespace Switchboard.Api.Dialplans;

/// <summary>
/// <see cref="IDialplanChecker"/> on the dialplan project's own loader and validator (<see cref="DialplanLoader"/>),
/// the code <c>sbctl dialplan check</c> runs.
/// </summary>
public sealed class DialplanLoaderChecker(DialplanLoadOptions? options = null) : IDialplanChecker
{
    /// <summary>Name given to published text in diagnostics.</summary>
    public const string SourceName = "published.yaml";

    /// <inheritdoc />
    public IReadOnlyList<DialplanFinding> Check(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var result = DialplanLoader.LoadFromText(yaml, SourceName, options);
        return [.. result.Diagnostics.Select(d => new DialplanFinding(
            d.Severity == DiagnosticSeverity.Error, d.Message, d.Location.Line, d.Location.Column))];
    }
}
