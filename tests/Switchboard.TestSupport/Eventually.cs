using System.Diagnostics;

namespace Switchboard.TestSupport;

/// <summary>
/// The one way a test waits for a condition it cannot await directly: check it, and again every
/// <see cref="PollInterval"/>, until it holds or the deadline passes. A missed deadline fails with a message naming the
/// condition (<c>what</c>) and, where given, the last value seen. Prefer awaiting an event (an ACD or agent event stream,
/// a baresip event, a <see cref="TaskCompletionSource"/>) where the product offers one; poll only state that has none.
/// </summary>
public static class Eventually
{
    /// <summary>How often a condition is checked again: short beside any deadline, long enough not to load the machine.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="deadline"/> (default <see cref="TestTimeouts.Default"/>).</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what, deadline, cancellationToken);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="deadline"/> (default <see cref="TestTimeouts.Default"/>).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await UntilAsync(condition, held => held, what, deadline, describe: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads <paramref name="read"/> until <paramref name="done"/> holds for the value and returns that value; after
    /// <paramref name="deadline"/> throws <see cref="TimeoutException"/> naming <paramref name="what"/> and the last value
    /// (through <paramref name="describe"/>, or its <c>ToString</c>).
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null,
        Func<T, string>? describe = null, CancellationToken cancellationToken = default)
    {
        var (reached, last) = await TryUntilAsync(read, done, deadline, cancellationToken).ConfigureAwait(false);
        if (reached)
        {
            return last;
        }

        var limit = deadline ?? TestTimeouts.Default;
        var seen = describe is not null ? describe(last) : last?.ToString();
        throw new TimeoutException($"Not within {limit.TotalSeconds:0.#} s: {what} (last seen: {seen})");
    }

    /// <summary>Like <see cref="UntilAsync(Func{bool}, string, TimeSpan?, CancellationToken)"/>, but returns false at the deadline, for a test that asserts on the outcome itself.</summary>
    public static async Task<bool> TryUntilAsync(Func<bool> condition, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return (await TryUntilAsync(() => Task.FromResult(condition()), held => held, deadline, cancellationToken).ConfigureAwait(false)).Reached;
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds or the deadline passes; returns whether it held and the last value read.</summary>
    public static async Task<(bool Reached, T Last)> TryUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = deadline ?? TestTimeouts.Default;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read().ConfigureAwait(false);
            if (done(value))
            {
                return (true, value);
            }

            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return (false, value);
            }

            await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
