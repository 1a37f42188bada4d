namespace Switchboard.Dialplan.Loading;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The dialplan can be used, but a caller may dislike it.</summary>
    Warning,
    /// <summary>The dialplan must not be used.</summary>
    Error,
}
