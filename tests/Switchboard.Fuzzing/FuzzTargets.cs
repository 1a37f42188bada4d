using Switchboard.Fuzzing.Targets;

namespace Switchboard.Fuzzing;

/// <summary>Every target, and where their seeds and regression cases live.</summary>
public static class FuzzTargets
{
    /// <summary>The targets' names, in the order a run takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sip", "sip-frame", "sdp", "rtp", "digest"];

    /// <summary>A new target (dispose it: the RTP target holds a media session's sockets).</summary>
    public static FuzzTarget Create(string name) => name switch
    {
        "sip" => new SipMessageTarget(),
        "sip-frame" => new SipFrameTarget(),
        "sdp" => new SdpTarget(),
        "rtp" => new RtpTarget(),
        "digest" => new DigestTarget(),
        _ => throw new ArgumentException($"No fuzz target '{name}' (targets: {string.Join(", ", Names)}).", nameof(name)),
    };

    /// <summary>The seeds of a target: files under <c>Seeds/NAME</c> next to the program.</summary>
    public static IReadOnlyList<byte[]> Seeds(FuzzTarget target) => Files(Path.Combine(AppContext.BaseDirectory, "Seeds", SeedFolder(target)));

    /// <summary>The inputs that once broke a target (kept under <c>Regressions/NAME</c>), replayed by the tests.</summary>
    public static IReadOnlyList<(string Name, byte[] Input)> Regressions(FuzzTarget target)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Regressions", target.Name);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]
            : [];
    }

    /// <summary>SIP framing is fed SIP messages too.</summary>
    private static string SeedFolder(FuzzTarget target) => target.Name == "sip-frame" ? "sip" : target.Name;

    private static List<byte[]> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)] : [];
}
