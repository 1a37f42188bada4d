namespace Switchboard.Acd.Dialplans;

/// <summary>One published dialplan version: the audit record of a publish or rollback.</summary>
/// <param name="Sequence">1 for the first publish, then increasing.</param>
/// <param name="ContentHash">SHA-256 (hex) of the YAML text.</param>
/// <param name="PublishedBy">Token subject of the publisher.</param>
/// <param name="PublishedAt">When (server time).</param>
/// <param name="ChangeSummary">What changed against the previous version.</param>
/// <param name="Comment">Publisher's comment.</param>
/// <param name="RollbackOf">The version re-published by a rollback; 0 for a normal publish.</param>
public sealed record DialplanVersionInfo(
    long Sequence,
    string ContentHash,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    string ChangeSummary,
    string Comment,
    long RollbackOf);
