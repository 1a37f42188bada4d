using System.Text.Json;

namespace Switchboard.TestSupport;

/// <summary>One event pushed by baresip's ctrl_tcp module (types in <see cref="BaresipEventType"/>).</summary>
/// <param name="Sequence">Position in the phone's event history, from 0.</param>
public sealed record BaresipEvent(long Sequence, string Type, string? CallId, string? Direction, string? PeerUri, string? Param)
{
    internal static BaresipEvent FromJson(long sequence, JsonElement json) => new(
        sequence,
        GetString(json, "type") ?? string.Empty,
        GetString(json, "id"),
        GetString(json, "direction"),
        GetString(json, "peeruri"),
        GetString(json, "param"));

    private static string? GetString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
