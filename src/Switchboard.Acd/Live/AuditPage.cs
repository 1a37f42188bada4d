namespace Switchboard.Acd.Live;

/// <summary>One page of the audit trail, newest first.</summary>
/// <param name="Entries">The records of the page.</param>
/// <param name="NextBeforeId">Read on from the records older than this id; null when there are no older records.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? NextBeforeId);
