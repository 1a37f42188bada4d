using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Loading;

/// <summary>The outcome of loading: the dialplan (null when there are errors) and every diagnostic.</summary>
public sealed record DialplanLoadResult(DialplanDefinition? Dialplan, IReadOnlyList<DialplanDiagnostic> Diagnostics)
{
    /// <summary>The errors only.</summary>
    public IEnumerable<DialplanDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<DialplanDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Dialplan is not null && !Errors.Any();
}
