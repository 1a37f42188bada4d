namespace Switchboard.Cli.Phone;

/// <summary>The registrar refused a REGISTER (final status other than 2xx, after one digest challenge).</summary>
internal sealed class SipRegistrationException(int statusCode, string? reason)
    : Exception($"REGISTER refused: {statusCode} {reason}")
{
    public int StatusCode { get; } = statusCode;
}
