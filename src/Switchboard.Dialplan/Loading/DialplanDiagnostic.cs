using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Loading;

/// <summary>An error or warning found in a dialplan file, with its <c>file:line:column</c>.</summary>
public sealed record DialplanDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary><c>file:line:col: message</c> for errors, <c>file:line:col: warning: message</c> for warnings.</summary>
    public override string ToString() =>
        Severity == DiagnosticSeverity.Error ? $"{Location}: {Message}" : $"{Location}: warning: {Message}";
}
