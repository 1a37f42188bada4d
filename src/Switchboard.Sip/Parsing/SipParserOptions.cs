namespace Switchboard.Sip.Parsing;

/// <summary>Limits that keep a hostile peer from exhausting memory (RFC 3261 §18.1.1 size discussion).</summary>
public sealed record SipParserOptions
{
    public static readonly SipParserOptions Default = new();

    /// <summary>Largest message accepted, headers and body together. Default 64 KiB.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Most header field lines accepted in one message. Default 256.</summary>
    public int MaxHeaders { get; init; } = 256;
}
