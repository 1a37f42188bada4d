using System.ComponentModel.DataAnnotations;

namespace Switchboard.Acd.Live;

/// <summary>How long the audit trail is kept (configuration <c>Audit:Retention</c>).</summary>
public sealed record AuditOptions
{
    /// <summary>Records older than this are removed when the next one is appended (default 365 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(365);
}
