using System.Diagnostics;

namespace Switchboard.Server.Calls;

/// <summary>
/// One call's spans on the <see cref="ActivitySource"/> <see cref="SourceName"/>: a <c>call</c> span from the start to
/// the end (child of the INVITE's SIP span for an inbound call), and under it one span per step the call goes through,
/// named after the state (<c>InIvr main</c> per menu, <c>JoiningQueue</c>, <c>Queued</c>, <c>DiallingAgent</c>,
/// <c>Connected</c>, <c>Transferring</c>, ...), with the cause of the change as a tag and the events the step handled
/// as span events. The ACD's spans (<see cref="AcdTracing"/>) and the SIP client transactions the call starts are
/// children of the current step. Tags carry the call id, queue, agent id and reasons; never a number. Used only by
/// the call's own loop; nothing is created when nobody listens.
/// </summary>
internal sealed class CallTrace
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "Switchboard.Calls";

    private static readonly ActivitySource Source = new(SourceName);

    private readonly Activity? _call;
    private Activity? _step;
    private string? _stepName;
    private bool _ended;

    private CallTrace(Activity? call) => _call = call;

    /// <summary>Whether the call is traced (someone listens); callers skip building tag values when not.</summary>
    public bool IsRecording => _call is not null;

    /// <summary>The current step's context (the call's before the first step; default when not traced).</summary>
    public ActivityContext Context => (_step ?? _call)?.Context ?? default;

    /// <summary>Starts the call's span (not made ambient: the caller's context stays as it was).</summary>
    public static CallTrace Start(string callId, string direction, ActivityContext parent)
    {
        if (!Source.HasListeners())
        {
            return new CallTrace(null);
        }

        var previous = Activity.Current;
        var call = Source.StartActivity("call", ActivityKind.Server, parent);
        Activity.Current = previous;
        call?.SetTag("switchboard.call_id", callId);
        call?.SetTag("switchboard.call.direction", direction);
        return new CallTrace(call);
    }

    /// <summary>Makes the current step (or the call) the ambient span of the calling flow.</summary>
    public void MakeCurrent()
    {
        if ((_step ?? _call) is { } current)
        {
            Activity.Current = current;
        }
    }

    /// <summary>Starts a new step span when <paramref name="step"/> differs from the current one.</summary>
    public void Step(string step, string cause)
    {
        if (_call is null || step == _stepName)
        {
            return;
        }

        _step?.Stop();
        _stepName = step;
        _step = Source.StartActivity(step, ActivityKind.Internal, _call.Context);
        _step?.SetTag("switchboard.cause", cause);
        MakeCurrent();
    }

    /// <summary>Notes an event the call handled on the current step.</summary>
    public void Event(string name) => (_step ?? _call)?.AddEvent(new ActivityEvent(name));

    /// <summary>Tags the call span (queue, agent).</summary>
    public void Tag(string name, string? value) => _call?.SetTag(name, value);

    /// <summary>Ends the last step and the call.</summary>
    public void End(string? reason)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _step?.Stop();
        _step = null;
        if (_call is not null)
        {
            _call.SetTag("switchboard.end_reason", reason);
            _call.Stop();
        }
    }
}
