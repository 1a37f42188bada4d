namespace Switchboard.Media.Sdp;

/// <summary>An <c>a=</c> line (RFC 4566 §5.13): a property attribute (<see cref="Value"/> null) or a value attribute.</summary>
/// <param name="Name">The attribute name, e.g. <c>rtpmap</c>, <c>sendonly</c>.</param>
/// <param name="Value">The text after the first colon, or null for a property attribute.</param>
public readonly record struct SdpAttribute(string Name, string? Value = null)
{
    /// <summary>Parses the text after <c>a=</c>.</summary>
    public static SdpAttribute Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttribute(text) : new SdpAttribute(text[..colon], text[(colon + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
