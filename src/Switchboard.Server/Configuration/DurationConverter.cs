using System.ComponentModel;
using System.Globalization;

namespace Switchboard.Server.Configuration;

/// <summary>Lets the configuration binder read a <see cref="Duration"/> (seconds or a time span).</summary>
public sealed class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? Duration.TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not seconds or a time span")
            : base.ConvertFrom(context, culture, value);
}
