using System.ComponentModel;
using System.Globalization;

namespace Switchboard.Server.Configuration;

/// <summary>Lets the configuration binder read a <see cref="SettingList"/> given as one comma-separated value.</summary>
public sealed class SettingListConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? SettingList.Parse(text) : base.ConvertFrom(context, culture, value);
}
