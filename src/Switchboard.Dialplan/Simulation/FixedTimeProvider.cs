namespace Switchboard.Dialplan.Simulation;

/// <summary>A clock that always says <paramref name="now"/>: a dry run happens at one instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
