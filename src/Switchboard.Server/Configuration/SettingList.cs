using System.ComponentModel;

namespace Switchboard.Server.Configuration;

/// <summary>
/// A list setting as an operator may write it: item by item (<c>Key:0</c>, <c>Key:1</c>; environment
/// <c>Key__0</c>, <c>Key__1</c>) or as one comma-separated value (<c>Key=192.0.2.10, 192.0.2.11</c>). The binder reads
/// the first form as a collection and the second through <see cref="SettingListConverter"/>. Items are trimmed; empty
/// items are dropped. A setting that documents <c>none</c> treats a list holding only <c>none</c> as explicitly empty
/// (<see cref="IsNone"/>), while an empty list means "not set: the default".
/// </summary>
[TypeConverter(typeof(SettingListConverter))]
public sealed class SettingList : List<string>
{
    public SettingList()
    {
    }

    public SettingList(IEnumerable<string> items)
        : base(items)
    {
    }

    /// <summary>The items, trimmed, without empty ones.</summary>
    public IEnumerable<string> Items => this.Select(i => i?.Trim() ?? "").Where(i => i.Length > 0);

    /// <summary>True when the items are only <c>none</c> (any case): an explicitly empty list.</summary>
    public bool IsNone => Items.Any() && Items.All(i => i.Equals("none", StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits one comma-separated value.</summary>
    public static SettingList Parse(string? text) =>
        new((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
