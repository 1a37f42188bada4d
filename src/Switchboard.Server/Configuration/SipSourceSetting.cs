using System.ComponentModel.DataAnnotations;
using System.Net;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The rules the SIP security settings share: address lists (<c>Sip:Security:CallSources</c>,
/// <c>...:RateLimit:ExemptSources</c>) and refusals; messages start with the key's path, as the options failure reader expects.
/// </summary>
internal static class SipSourceSetting
{
    /// <summary>The path of the object being validated: the display name is "&lt;path&gt;.Validate" (<c>Sip.Security.Validate</c>).</summary>
    public static string Path(ValidationContext context)
    {
        var name = context.DisplayName;
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>The list as networks: empty = <paramref name="fallback"/>, <c>none</c> = empty (valid once checked).</summary>
    public static IReadOnlyList<IPNetwork> Networks(SettingList list, IReadOnlyList<IPNetwork> fallback)
    {
        var items = list.Items.Where(i => !i.Equals("none", StringComparison.OrdinalIgnoreCase)).ToList();
        if (items.Count == 0)
        {
            return list.IsNone ? [] : fallback;
        }

        return [.. items.Select(i => SipSourceList.TryParse(i, out var network) ? network : throw new FormatException($"'{i}' is not an IP address or CIDR range"))];
    }

    public static IEnumerable<ValidationResult> Check(SettingList list, string path, string member)
    {
        foreach (var item in list.Items)
        {
            if (!item.Equals("none", StringComparison.OrdinalIgnoreCase) && !SipSourceList.TryParse(item, out _))
            {
                yield return new ValidationResult($"{path} '{item}' is not an IP address or CIDR range (e.g. 192.0.2.10 or 192.0.2.0/24)", [member]);
            }
        }
    }

    public static IEnumerable<ValidationResult> CheckRefusal(SipRefusal refusal, string path, string member)
    {
        if (!Enum.IsDefined(refusal))
        {
            yield return new ValidationResult($"{path} is not Reject or Drop", [member]);
        }
    }
}
