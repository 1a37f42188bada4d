namespace Switchboard.Acd.Dialplans;

/// <summary>A publish named the version it expected to replace, and another version is current by now.</summary>
public sealed class DialplanVersionConflictException : Exception
{
    public DialplanVersionConflictException()
        : this(0, 0)
    {
    }

    public DialplanVersionConflictException(string message)
        : base(message)
    {
    }

    public DialplanVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DialplanVersionConflictException(long current, long expected)
        : base($"the current dialplan version is {current}, not {expected}: reload and try again")
    {
        Current = current;
        Expected = expected;
    }

    /// <summary>The version that is current.</summary>
    public long Current { get; }

    /// <summary>The version the publisher expected.</summary>
    public long Expected { get; }
}
