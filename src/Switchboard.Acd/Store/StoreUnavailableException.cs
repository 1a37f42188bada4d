namespace Switchboard.Acd.Store;

/// <summary>
/// Redis could not be reached in time (connection lost, timeout, open circuit). Every Redis adapter in this assembly
/// throws this, and only this, for "Redis is down", wrapping the client's own exception; callers handle that case in
/// one way (the IVR plays its fault prompt or takes its fallback route, the API answers <c>Unavailable</c>).
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : this("The store (Redis) is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
