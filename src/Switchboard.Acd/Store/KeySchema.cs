using System.Globalization;
using StackExchange.Redis;

namespace Switchboard.Acd.Store;

/// <summary>
/// The one place that builds Redis key names. Every key and channel of a tenant starts with <see cref="Prefix"/>,
/// <c>sb:{tenant}:</c>: the braces are a Redis Cluster hash tag, so all of a tenant's keys share one slot and the Lua
/// scripts (which get the prefix as <c>ARGV[1]</c> and build the ACD's queue, agent and call keys from it) stay valid
/// on a cluster. The ACD's own keys are listed in <c>docs/acd.md</c>; the keys of the live settings, dialplan versions,
/// audit trail, cross-node notices and SIP registrations are built by the members below.
/// </summary>
public sealed class KeySchema
{
    private readonly string _api;

    /// <summary>The schema of <paramref name="tenant"/> (a plain name: no <c>{ } : , ; / |</c>).</summary>
    public KeySchema(string tenant)
    {
        Tenant = AcdNames.Check(tenant, nameof(tenant));
        Prefix = "sb:{" + tenant + "}:";
        _api = Prefix + "api:";
    }

    /// <summary>The tenant.</summary>
    public string Tenant { get; }

    /// <summary><c>sb:{tenant}:</c>, the start of every key and channel of the tenant.</summary>
    public string Prefix { get; }

    /// <summary>The ACD event stream (<c>sb:{tenant}:events</c>), the raw material for statistics.</summary>
    public RedisKey Events => Prefix + "events";

    /// <summary>Audit stream of supervisor changes: who changed what, when.</summary>
    public RedisKey Audit => _api + "audit";

    /// <summary>Set of agent ids that ever signed in through the API (for supervisor listings).</summary>
    public RedisKey AgentRoster => _api + "agents";

    /// <summary>Live opening-hours override (JSON).</summary>
    public RedisKey Hours => _api + "hours";

    /// <summary>Emergency message setting (JSON).</summary>
    public RedisKey Emergency => _api + "emergency";

    /// <summary>Dialplan version counter.</summary>
    public RedisKey DialplanSequence => _api + "dialplan:seq";

    /// <summary>Current dialplan version number.</summary>
    public RedisKey DialplanCurrent => _api + "dialplan:current";

    /// <summary>The prefix of the dialplan version hashes (the Lua publish script appends the number).</summary>
    public string DialplanVersionPrefix => _api + "dialplan:v:";

    /// <summary>One dialplan version (hash).</summary>
    public RedisKey DialplanVersion(long sequence) => DialplanVersionPrefix + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>One web session (hash), named by the SHA-256 of the session id (the cookie's value is not a key name).</summary>
    public RedisKey WebSession(string idHash) => _api + "web:session:" + idHash;

    /// <summary>Sign-in attempts of one source address in the current throttle window (counter with an expiry).</summary>
    public RedisKey WebSignInAttempts(string source) => _api + "web:signin:" + source;

    /// <summary>One agent directory entry (hash: <c>json</c>, <c>version</c>, <c>phone</c>).</summary>
    public RedisKey DirectoryAgent(string agentId) => DirectoryPrefix + "a:" + agentId;

    /// <summary>Set of the agent ids in the directory.</summary>
    public RedisKey DirectoryIds => DirectoryPrefix + "ids";

    /// <summary>Which agent owns a phone account (string: agent id).</summary>
    public RedisKey DirectoryPhone(string phoneUser) => DirectoryPrefix + "phone:" + phoneUser;

    /// <summary>The queues and languages an agent narrowed to at sign-in (JSON).</summary>
    public RedisKey DirectorySelection(string agentId) => DirectoryPrefix + "sel:" + agentId;

    /// <summary><c>sb:{tenant}:dir:</c>, the start of the agent directory's keys (the scripts append the rest).</summary>
    public string DirectoryPrefix => Prefix + "dir:";

    /// <summary>The registrar's bindings of one address-of-record (hash: contact -> binding JSON).</summary>
    public RedisKey Registration(string addressOfRecord) => Prefix + "reg:" + addressOfRecord;

    /// <summary>Pub/sub: hours, emergency message or dialplan changed (payload <c>hours</c>, <c>emergency</c>, <c>dialplan:&lt;seq&gt;</c>).</summary>
    public RedisChannel LiveChanged => RedisChannel.Literal(_api + "live");

    /// <summary>Pub/sub: notices for one agent's event stream, from any node (JSON <c>AgentNotice</c>).</summary>
    public RedisChannel AgentNotices(string agentId) => RedisChannel.Literal(_api + "notice:" + agentId);

    /// <summary>Pub/sub: call-control commands for the node that owns a call (JSON <c>CallControlCommand</c>).</summary>
    public RedisChannel CallControl => RedisChannel.Literal(_api + "callcontrol");
}
