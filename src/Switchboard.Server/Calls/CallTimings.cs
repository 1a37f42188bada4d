using Switchboard.Calls.States;

namespace Switchboard.Server.Calls;

/// <summary>
/// One call's step timings for <see cref="CallInstruments"/>, taken from its state changes on the call's own loop
/// (so no locking): the INVITE to the answer, <see cref="Queued"/> until <see cref="DiallingAgent"/>, and
/// <see cref="DiallingAgent"/> until the agent leg connected or the dialling was given up.
/// </summary>
internal sealed class CallTimings(CallInstruments? instruments, TimeProvider timeProvider)
{
    private readonly long _created = timeProvider.GetTimestamp();
    private long _queuedAt;
    private string? _queue;
    private long _diallingAt;

    /// <summary>The caller's leg was answered.</summary>
    public void Answered() => instruments?.Setup.Record(Seconds(_created));

    /// <summary>The call went from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public void Changed(CallState before, CallState after)
    {
        if (instruments is null)
        {
            return;
        }

        if (after is Queued queued && before is not Queued)
        {
            _queuedAt = timeProvider.GetTimestamp();
            _queue = queued.Queue.Id;
        }
        else if (before is Queued && after is DiallingAgent && _queuedAt != 0)
        {
            instruments.QueueWait.Record(Seconds(_queuedAt), new KeyValuePair<string, object?>("queue", _queue ?? "unknown"));
            _queuedAt = 0;
        }

        if (after is DiallingAgent && before is not DiallingAgent)
        {
            _diallingAt = timeProvider.GetTimestamp();
        }
        else if (before is DiallingAgent && after is not DiallingAgent && _diallingAt != 0)
        {
            instruments.AgentDial.Record(Seconds(_diallingAt), new KeyValuePair<string, object?>("outcome", after is Connected ? "connected" : "failed"));
            _diallingAt = 0;
        }
    }

    private double Seconds(long since) => timeProvider.GetElapsedTime(since).TotalSeconds;
}
