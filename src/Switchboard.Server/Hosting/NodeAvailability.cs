using StackExchange.Redis;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Hosting;

/// <summary>
/// What the SIP stack tells a proxy about this node (<see cref="SipUserAgent.Availability"/>): draining, or Redis
/// primary unreachable (degraded: out of the proxy's rotation, calls that still arrive are answered), else available.
/// Never waits on Redis: it reads the multiplexer's last known connection state, so OPTIONS are answered at once
/// even while Redis fails over.
/// </summary>
public sealed class NodeAvailability(NodeDrain drain, IConnectionMultiplexer redis, ILogger<NodeAvailability> logger)
{
    private int _redisDown;

    /// <summary>The node's availability now.</summary>
    public SipAvailability Current()
    {
        if (drain.IsDraining)
        {
            return SipAvailability.Draining;
        }

        return RedisPrimaryConnected() ? SipAvailability.Available : SipAvailability.Degraded;
    }

    private bool RedisPrimaryConnected()
    {
        var connected = false;
        foreach (var server in redis.GetServers())
        {
            if (server.IsConnected && !server.IsReplica)
            {
                connected = true;
                break;
            }
        }

        var wasDown = Interlocked.Exchange(ref _redisDown, connected ? 0 : 1) == 1;
        if (wasDown == connected)
        {
            if (connected)
            {
                DrainLog.RedisReachable(logger);
            }
            else
            {
                DrainLog.RedisUnreachable(logger);
            }
        }

        return connected;
    }
}
