using System.Text.RegularExpressions;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Turns what the configuration binder and the source-generated validators report into one line naming the key:
/// <c>Sip:Port: must be between 1 and 65535 (was 70000)</c>.
/// </summary>
/// <remarks>
/// A generated validator reports <c>Member: message</c>, the message holding the member's path under the name it was
/// given (the section): the data-annotation texts (<c>The field Sip.Port must be ...</c>, <c>The Tracing.ServiceName
/// field is required.</c>) and our own rules, which start with the path (<c>Tracing.OtlpEndpoint is not an http(s)
/// URL</c>). The path becomes the key (<c>.</c> and <c>[n]</c> to <c>:</c>); the value as configured is added unless the
/// key holds a secret.
/// </remarks>
internal static partial class OptionsFailure
{
    /// <summary>A key whose last part holds one of these holds a secret: its value is never repeated.</summary>
    private static readonly string[] SecretParts = ["password", "secret", "token", "hashkey", "ha1", "signingkey"];

    /// <summary>The key and message of one validator failure under <paramref name="section"/>.</summary>
    public static (string Key, string Message) Parse(IConfiguration configuration, string section, string failure)
    {
        var members = MemberPrefix().Match(failure);
        var rest = members.Success ? failure[members.Length..] : failure;
        string path;
        string message;
        if (Required().Match(rest) is { Success: true } required)
        {
            (path, message) = (required.Groups[1].Value, "must be set");
        }
        else
        {
            var text = rest.StartsWith("The field ", StringComparison.Ordinal) ? rest["The field ".Length..] : rest;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            (path, message) = space > 0 ? (text[..space], text[(space + 1)..]) : (text, "is not valid");
        }

        var key = Index().Replace(path, ":$1").Replace('.', ':');
        if (!key.Equals(section, StringComparison.OrdinalIgnoreCase) && !key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
        {
            // Not one of ours: name the member if there is one, and keep the whole text.
            key = members.Success ? $"{section}:{members.Groups[1].Value}" : section;
            message = rest;
        }

        return (key, WithValue(configuration, key, message.TrimEnd('.')));
    }

    /// <summary>The key and message of a binder failure (a value that is not of the property's type).</summary>
    public static (string Key, string Message) FromBinder(IConfiguration configuration, string section, InvalidOperationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // "Failed to convert configuration value '...' at 'Metrics:RefreshInterval' to type 'System.TimeSpan'."
        var match = BinderMessage().Match(error.Message);
        if (!match.Success)
        {
            return (section, "cannot be read: " + error.Message.ReplaceLineEndings(" "));
        }

        var expected = match.Groups[2].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" or "System.UInt16" or "System.UInt32" => "is not a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "is not a number",
            "System.TimeSpan" => "is not a time span (d.hh:mm:ss, e.g. 00:00:30)",
            "System.Boolean" => "is not true or false",
            "Switchboard.Server.Configuration.Duration" => "is not seconds or a time span (e.g. 300 or 00:05:00)",
            "Switchboard.Sip.Security.SipRefusal" => "is not Reject or Drop",
            var type => $"is not a valid {type[(type.LastIndexOf('.') + 1)..]}",
        };
        return (match.Groups[1].Value, WithValue(configuration, match.Groups[1].Value, expected));
    }

    private static string WithValue(IConfiguration configuration, string key, string message)
    {
        var value = configuration[key];
        var last = key[(key.LastIndexOf(':') + 1)..];
        var secret = SecretParts.Any(p => last.Contains(p, StringComparison.OrdinalIgnoreCase))
            || key.Equals("Redis:Configuration", StringComparison.OrdinalIgnoreCase); // may hold password=...
        return value is null || secret || message.Contains($"'{value}'", StringComparison.Ordinal)
            ? message
            : $"{message} (was {value})";
    }

    [GeneratedRegex(@"^([A-Za-z0-9_]+)(?:, [A-Za-z0-9_]+)*: ")]
    private static partial Regex MemberPrefix();

    [GeneratedRegex(@"^The (\S+) field is required\.?$")]
    private static partial Regex Required();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex("at '([^']+)' to type '([^']+)'")]
    private static partial Regex BinderMessage();
}
