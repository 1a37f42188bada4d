using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Directory;

/// <summary>
/// The agent directory in Redis (<see cref="KeySchema.DirectoryPrefix"/>): one hash per agent (entry JSON, version,
/// phone account), the set of ids, and one key per phone account naming its agent, so a phone account belongs to one
/// agent only and the registrar finds it in one round trip. Storage only: callers validate
/// (<see cref="DirectoryAgentValidator"/>) and audit. Throws <see cref="StoreUnavailableException"/> when Redis cannot
/// be reached.
/// </summary>
public sealed class DirectoryStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    /// <summary>Most agents one tenant's directory holds.</summary>
    public const int MaxAgents = 10_000;

    private const string Store = "agent directory";

    /// <summary>Adds <paramref name="agent"/> (version 1), stamped with <paramref name="who"/> and the time.</summary>
    public Task<(DirectoryWriteResult Result, DirectoryAgent? Stored)> CreateAsync(DirectoryAgent agent, string who, CancellationToken cancellationToken = default) =>
        PutAsync("create", agent, who, 0, cancellationToken);

    /// <summary>Replaces <paramref name="agent"/>'s entry; <paramref name="expectedVersion"/> 0 skips the optimistic check.</summary>
    public Task<(DirectoryWriteResult Result, DirectoryAgent? Stored)> UpdateAsync(DirectoryAgent agent, string who, long expectedVersion = 0, CancellationToken cancellationToken = default) =>
        PutAsync("update", agent, who, expectedVersion, cancellationToken);

    /// <summary>One entry, or null when the agent is not in the directory.</summary>
    public Task<DirectoryAgent?> GetAsync(string agentId, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = await redis.GetDatabase().HashGetAsync(keys.DirectoryAgent(agentId), ["json", "version"]).ConfigureAwait(false);
            return Decode(fields[0], fields[1]);
        });

    /// <summary>Every entry, ordered by id.</summary>
    public Task<IReadOnlyList<DirectoryAgent>> ListAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync<IReadOnlyList<DirectoryAgent>>(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var db = redis.GetDatabase();
            var ids = await db.SetMembersAsync(keys.DirectoryIds).ConfigureAwait(false);
            var reads = ids.Select(id => db.HashGetAsync(keys.DirectoryAgent(id.ToString()), ["json", "version"])).ToList();
            var result = new List<DirectoryAgent>(ids.Length);
            foreach (var read in reads)
            {
                var fields = await read.ConfigureAwait(false);
                if (Decode(fields[0], fields[1]) is { } agent)
                {
                    result.Add(agent);
                }
            }

            return [.. result.OrderBy(a => a.Id, StringComparer.Ordinal)];
        });

    /// <summary>The directory account <paramref name="phoneUser"/>, or null when no agent has it.</summary>
    public Task<PhoneAccount?> FindPhoneAsync(string phoneUser, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DirectoryAgentValidator.CheckPhoneUser(phoneUser) is not null)
            {
                return null;
            }

            var found = await redis.GetDatabase().ScriptEvaluateAsync(DirectoryScripts.FindPhone, values: [keys.DirectoryPrefix, phoneUser]).ConfigureAwait(false);
            if (found.IsNull || found.Length != 2 || Decode(found[1].ToString(), 1) is not { } agent)
            {
                return null;
            }

            return new PhoneAccount(agent.Id, agent.Enabled, agent.PhoneSecret);
        });

    /// <summary>Keeps what the agent narrowed to at sign-in, so later directory changes apply with the same narrowing.</summary>
    public Task SetSelectionAsync(string agentId, AgentSelection selection, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            await redis.GetDatabase().StringSetAsync(keys.DirectorySelection(agentId), JsonSerializer.Serialize(selection)).ConfigureAwait(false);
        });

    /// <summary>What the agent narrowed to at their last sign-in (<see cref="AgentSelection.All"/> when nothing).</summary>
    public Task<AgentSelection> GetSelectionAsync(string agentId, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = await redis.GetDatabase().StringGetAsync(keys.DirectorySelection(agentId)).ConfigureAwait(false);
            return json.IsNullOrEmpty ? AgentSelection.All : Read<AgentSelection>(json.ToString()) ?? AgentSelection.All;
        });

    private Task<(DirectoryWriteResult, DirectoryAgent?)> PutAsync(string mode, DirectoryAgent agent, string who, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (DirectoryAgentValidator.Validate(agent) is { } problem)
        {
            throw new ArgumentException(problem, nameof(agent));
        }

        return StoreCalls.RunAsync<(DirectoryWriteResult, DirectoryAgent?)>(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stamped = agent with { UpdatedBy = who, UpdatedAt = timeProvider.GetUtcNow(), Version = 0 };
            var reply = await redis.GetDatabase().ScriptEvaluateAsync(DirectoryScripts.Put, values:
            [
                keys.DirectoryPrefix, mode, agent.Id, agent.PhoneUser, JsonSerializer.Serialize(stamped),
                expectedVersion.ToString(CultureInfo.InvariantCulture), MaxAgents.ToString(CultureInfo.InvariantCulture),
            ]).ConfigureAwait(false);
            var result = Enum.Parse<DirectoryWriteResult>(reply[0].ToString());
            return result == DirectoryWriteResult.Ok ? (result, stamped with { Version = (long)reply[1] }) : (result, null);
        });
    }

    private static DirectoryAgent? Decode(RedisValue json, RedisValue version) =>
        json.IsNullOrEmpty || Read<DirectoryAgent>(json.ToString()) is not { } agent
            ? null
            : agent with { Version = (long)version };

    private static T? Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
