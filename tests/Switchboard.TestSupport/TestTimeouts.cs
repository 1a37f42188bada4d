namespace Switchboard.TestSupport;

/// <summary>Every await in a test gets a bound, so a hung dialog or stream fails fast instead of hanging the run.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("CI") is null ? 10 : 30);

    /// <summary>
    /// How long a server process may take to become healthy: start-up JITs the whole host, and in CI every test project
    /// starts its servers at once on two cores. Only the time to fail grows; nothing is asserted about speed.
    /// </summary>
    public static readonly TimeSpan ProcessStart = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("CI") is null ? 30 : 90);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Default);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Default);

    public static Task<T> DefaultTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Default);

    public static Task DefaultTimeout(this ValueTask task) => task.AsTask().WaitAsync(Default);
}
