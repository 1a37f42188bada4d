using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Acd.Live;

/// <summary>
/// The JSON form of the live settings in Redis: camelCase names, RFC 3339 times. Unknown fields are ignored, so the
/// documents written by earlier versions (the same names, from the supervisor contract's JSON form) still read.
/// </summary>
internal static class LiveSettingsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
