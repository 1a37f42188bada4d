using StackExchange.Redis;
using Switchboard.Api.Live;

namespace Switchboard.Api.Agents;

/// <summary>The set of agent ids that have signed in through the API (the ACD reads agents one at a time).</summary>
public sealed class AgentRoster(IConnectionMultiplexer redis, ApiKeys keys)
{
    /// <summary>Remembers an agent id.</summary>
    public Task AddAsync(string agentId) => redis.GetDatabase().SetAddAsync(keys.Agents, agentId);

    /// <summary>All remembered agent ids, sorted.</summary>
    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var members = await redis.GetDatabase().SetMembersAsync(keys.Agents).ConfigureAwait(false);
        return [.. members.Select(m => m.ToString()).Order(StringComparer.Ordinal)];
    }
}
