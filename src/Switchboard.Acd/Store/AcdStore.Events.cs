using StackExchange.Redis;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    /// <summary>The event stream key, <c>sb:{tenant}:events</c>.</summary>
    public string EventStreamKey => Keys.Events.ToString();

    /// <summary>Reads up to <paramref name="count"/> events after stream id <paramref name="afterId"/> (null: from the start).</summary>
    public async Task<IReadOnlyList<AcdEvent>> ReadEventsAsync(string? afterId, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var start = string.IsNullOrEmpty(afterId) ? "-" : "(" + afterId;
        var entries = await RunAsync(
            token => _redis.GetDatabase().StreamRangeAsync(EventStreamKey, start, "+", count).WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(AcdEventParser.Parse)];
    }
}
