using System.ComponentModel.DataAnnotations;
using Switchboard.Media.Sessions;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Media:Bridge</c> section (docs/media.md, "The bridge"): re-clocked bridged audio.</summary>
public sealed class MediaBridgeSectionOptions
{
    private static readonly MediaBridgeOptions Defaults = new();

    /// <summary><c>Media:Bridge:Reclock</c>: send the other leg's audio one held frame per 20 ms tick.</summary>
    public bool Reclock { get; set; } = Defaults.Reclock;

    /// <summary><c>Media:Bridge:ReclockDepth</c>: frames held before playout (1-16).</summary>
    [Range(1, MediaBridgeOptions.MaxReclockDepth)]
    public int ReclockDepth { get; set; } = Defaults.ReclockDepth;

    /// <summary>The media layer's bridge options.</summary>
    public MediaBridgeOptions ToMediaBridgeOptions() => new() { Reclock = Reclock, ReclockDepth = ReclockDepth };
}
