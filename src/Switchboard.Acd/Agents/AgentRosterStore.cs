using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Agents;

/// <summary>
/// The set of agent ids that have signed in through the API (<see cref="KeySchema.AgentRoster"/>), for supervisor
/// listings: the ACD itself reads agents one at a time. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class AgentRosterStore(IConnectionMultiplexer redis, KeySchema keys)
{
    private const string Store = "agent roster";

    /// <summary>Remembers an agent id.</summary>
    public Task AddAsync(string agentId) =>
        StoreCalls.RunAsync(Store, () => redis.GetDatabase().SetAddAsync(keys.AgentRoster, agentId));

    /// <summary>All remembered agent ids, sorted.</summary>
    public Task<IReadOnlyList<string>> ListAsync() =>
        StoreCalls.RunAsync<IReadOnlyList<string>>(Store, async () =>
        {
            var members = await redis.GetDatabase().SetMembersAsync(keys.AgentRoster).ConfigureAwait(false);
            return [.. members.Select(m => m.ToString()).Order(StringComparer.Ordinal)];
        });
}
