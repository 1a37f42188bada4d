namespace Switchboard.Acd.Resilience;

/// <summary>
/// Redis (the ACD's source of truth) could not be reached in time. The IVR turns this into a fault
/// prompt or fallback route; it must never leave a caller in silence.
/// </summary>
public sealed class AcdUnavailableException : Exception
{
    public AcdUnavailableException()
        : this("The ACD store (Redis) is unavailable.")
    {
    }

    public AcdUnavailableException(string message)
        : base(message)
    {
    }

    public AcdUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
