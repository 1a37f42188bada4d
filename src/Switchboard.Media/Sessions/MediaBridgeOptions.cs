namespace Switchboard.Media.Sessions;

/// <summary>Bridge settings (section "Media:Bridge").</summary>
public sealed record MediaBridgeOptions
{
    /// <summary>Largest <see cref="ReclockDepth"/> accepted (320 ms).</summary>
    public const int MaxReclockDepth = 16;

    /// <summary>
    /// Re-clock bridged audio: each leg holds the other leg's 20 ms frames in a small buffer and sends one per media
    /// clock tick, so a jittery source leaves paced at 20 ms (adds <see cref="ReclockDepth"/> x 20 ms of delay).
    /// False (default): relayed packets leave as they arrive.
    /// </summary>
    public bool Reclock { get; init; }

    /// <summary>Frames held before playout starts when <see cref="Reclock"/> is on (1-16, default 3 = 60 ms).</summary>
    public int ReclockDepth { get; init; } = 3;
}
