using System.Diagnostics.Metrics;
using System.Globalization;
using Switchboard.Calls.States;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Calls;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// This node's calls per phase, the dialplan its new calls get, and the .NET garbage collector (its pauses stop every thread, the media clock's too),
/// as observable instruments on the meter <see cref="SwitchboardMeters.Node"/>.
/// </summary>
public static class NodeInstruments
{
    private static readonly (CallPhase Phase, string Label)[] Phases =
        [.. Enum.GetValues<CallPhase>().Where(p => p != CallPhase.Ended).Select(p => (p, Snake(p.ToString())))];

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public static void Publish(Meter meter, CallRegistry calls, DialplanRegistry dialplans)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(dialplans);
        meter.CreateObservableGauge("switchboard.dialplan", () =>
            {
                var current = dialplans.Current;
                return new Measurement<int>(1, new KeyValuePair<string, object?>("version", current.Version),
                    new KeyValuePair<string, object?>("emergency", current.Emergency.Enabled ? "on" : "off"));
            },
            "{dialplan}", "The dialplan new calls on this node get: its version (content hash) and whether the emergency message is on.");
        meter.CreateObservableGauge("switchboard.calls", () => Phases.Select(p => new Measurement<int>(calls.CountIn(p.Phase), new KeyValuePair<string, object?>("phase", p.Label))),
            "{call}", "Calls on this node per phase (ivr: in the menus, queued: waiting in a queue).");
        meter.CreateObservableCounter("switchboard.gc.collections", () => Enumerable.Range(0, GC.MaxGeneration + 1)
                .Select(g => new Measurement<long>(GC.CollectionCount(g), new KeyValuePair<string, object?>("generation", g.ToString(CultureInfo.InvariantCulture)))),
            "{collection}", "Garbage collections since start, by generation.");
        meter.CreateObservableCounter("switchboard.gc.pause", () => GC.GetTotalPauseDuration().TotalSeconds, "s",
            "Time all threads were paused by the garbage collector since start.");
        meter.CreateObservableCounter("switchboard.gc.allocated", () => GC.GetTotalAllocatedBytes(), "By", "Bytes allocated on the managed heap since start.");
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
