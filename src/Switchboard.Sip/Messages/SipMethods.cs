namespace Switchboard.Sip.Messages;

/// <summary>Method names of RFC 3261 §7.1 and the extensions this stack understands (RFC 2976 INFO, RFC 3515 REFER, RFC 6665 NOTIFY, RFC 3311 UPDATE).</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Message = "MESSAGE";

    /// <summary>The methods this stack handles; used for the Allow header (RFC 3261 §20.5).</summary>
    public static readonly IReadOnlyList<string> Supported = [Invite, Ack, Bye, Cancel, Options, Register, Info, Refer, Notify, Update];

    /// <summary>True when the method is one this stack implements.</summary>
    public static bool IsSupported(string method) => Supported.Contains(method, StringComparer.Ordinal);

    /// <summary>Returns the interned constant for well-known methods so parsing does not allocate them.</summary>
    internal static string? Intern(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 when method.SequenceEqual("ACK"u8) => Ack,
        3 when method.SequenceEqual("BYE"u8) => Bye,
        4 when method.SequenceEqual("INFO"u8) => Info,
        5 when method.SequenceEqual("REFER"u8) => Refer,
        6 when method.SequenceEqual("INVITE"u8) => Invite,
        6 when method.SequenceEqual("CANCEL"u8) => Cancel,
        6 when method.SequenceEqual("NOTIFY"u8) => Notify,
        6 when method.SequenceEqual("UPDATE"u8) => Update,
        7 when method.SequenceEqual("OPTIONS"u8) => Options,
        8 when method.SequenceEqual("REGISTER"u8) => Register,
        _ => null,
    };
}
