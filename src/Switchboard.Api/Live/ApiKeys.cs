using StackExchange.Redis;

namespace Switchboard.Api.Live;

/// <summary>
/// Redis keys and channels of the API layer. All carry the tenant's hash tag (<c>sb:{tenant}:api:...</c>)
/// like the ACD's keys, so they live in one Redis Cluster slot per tenant.
/// </summary>
public sealed class ApiKeys(string tenant)
{
    private readonly string _prefix = $"sb:{{{tenant}}}:api:";

    /// <summary>The tenant.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>Audit stream: who changed what, when.</summary>
    public RedisKey Audit => _prefix + "audit";

    /// <summary>Set of agent ids that ever signed in (for supervisor listings).</summary>
    public RedisKey Agents => _prefix + "agents";

    /// <summary>Live opening hours override (protobuf JSON).</summary>
    public RedisKey Hours => _prefix + "hours";

    /// <summary>Emergency message (protobuf JSON).</summary>
    public RedisKey Emergency => _prefix + "emergency";

    /// <summary>Dialplan version counter.</summary>
    public RedisKey DialplanSequence => _prefix + "dialplan:seq";

    /// <summary>Current dialplan version number.</summary>
    public RedisKey DialplanCurrent => _prefix + "dialplan:current";

    /// <summary>One dialplan version (hash).</summary>
    public RedisKey DialplanVersion(long sequence) => _prefix + "dialplan:v:" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Pub/sub: hours, emergency message or dialplan changed (payload: <c>hours</c>, <c>emergency</c>, <c>dialplan:&lt;seq&gt;</c>).</summary>
    public RedisChannel LiveChanged => RedisChannel.Literal(_prefix + "live");

    /// <summary>Pub/sub: extra events for one agent's stream (protobuf bytes of <c>AgentEvent</c>).</summary>
    public RedisChannel AgentEvents(string agentId) => RedisChannel.Literal(_prefix + "agent:" + agentId);

    /// <summary>Pub/sub: call-control commands for the node that owns a call (JSON <see cref="Calls.CallControlCommand"/>).</summary>
    public RedisChannel CallControl => RedisChannel.Literal(_prefix + "callcontrol");
}
