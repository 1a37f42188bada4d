namespace Switchboard.Media.Sdp;

/// <summary>The text is not a valid session description (RFC 4566 §5); the message says which line and why.</summary>
public sealed class SdpParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SdpParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SdpParseException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SdpParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
