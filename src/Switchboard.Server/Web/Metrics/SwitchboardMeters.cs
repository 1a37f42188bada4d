using Switchboard.Media.Sessions;
using Switchboard.Sip.Diagnostics;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// The meters a node exports on <c>/metrics</c>. Each is created by the host's <c>IMeterFactory</c>, so only this
/// host's instruments are exported (several hosts in one test process do not mix; meters made outside the host, as
/// <c>sbctl phone</c>'s, are not exported).
/// </summary>
public static class SwitchboardMeters
{
    /// <summary>Queues, agents and the Redis round trip (<see cref="QueueFiguresRefresher"/>).</summary>
    public const string Acd = "Switchboard.Acd";

    /// <summary>Calls on this node and the .NET runtime (<see cref="NodeInstruments"/>).</summary>
    public const string Node = "Switchboard.Server";

    /// <summary>Every meter name the exporter listens to.</summary>
    public static readonly IReadOnlyList<string> All = [Acd, Node, SipInstruments.MeterName, MediaEngine.MeterName];
}
