using System.Diagnostics.Metrics;

namespace Switchboard.Server.Calls;

/// <summary>
/// Histograms of how long the steps of a call take on this node (meter <c>Switchboard.Server</c>): answering the
/// caller, waiting in a queue until an agent accepted, and dialling the agent's phone. Recorded by
/// <see cref="CallTimings"/> from the call's state changes.
/// </summary>
public sealed class CallInstruments
{
    private static readonly double[] SetupBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly double[] QueueBuckets = [1, 5, 10, 20, 30, 60, 120, 300, 600, 1200];
    private static readonly double[] DialBuckets = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60];

    public CallInstruments(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Setup = meter.CreateHistogram("switchboard.call.setup", "s", "From the INVITE handed to the call flow to the caller answered (our 200 OK sent).",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SetupBuckets });
        QueueWait = meter.CreateHistogram("switchboard.queue.wait_until_accepted", "s",
            "From joining a queue to an agent accepting the call (tag queue).", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = QueueBuckets });
        AgentDial = meter.CreateHistogram("switchboard.call.agent_dial", "s",
            "From dialling the agent's phone to the agent leg connected or given up (tag outcome: connected, failed).", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DialBuckets });
    }

    public Histogram<double> Setup { get; }

    public Histogram<double> QueueWait { get; }

    public Histogram<double> AgentDial { get; }
}
