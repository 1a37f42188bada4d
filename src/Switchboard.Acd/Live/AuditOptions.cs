namespace Switchboard.Acd.Live;

/// <summary>How long the audit trail is kept (configuration <c>Audit:Retention</c>).</summary>
public sealed record AuditOptions
{
    /// <summary>Records older than this are removed when the next one is appended (default 365 days).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(365);
}
