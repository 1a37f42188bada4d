namespace Switchboard.Acd.Live;

/// <summary>The emergency message setting as every node reads it from Redis.</summary>
/// <param name="Enabled">Callers hear the prompts first.</param>
/// <param name="Prompts">Prompt names.</param>
/// <param name="Closed">Callers hear the prompts and the call ends (no menu, no queue).</param>
/// <param name="UpdatedBy">Token subject of the supervisor; empty when never set.</param>
/// <param name="UpdatedAt">When it was set; null when never set.</param>
public sealed record LiveEmergency(bool Enabled, IReadOnlyList<string> Prompts, bool Closed, string UpdatedBy = "", DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The setting before any supervisor touched it: off, and the dialplan's own emergency block applies.</summary>
    public static LiveEmergency NeverSet { get; } = new(false, [], false);

    /// <summary>True when no supervisor ever set it.</summary>
    public bool IsNeverSet => string.IsNullOrEmpty(UpdatedBy) && UpdatedAt is null;
}
