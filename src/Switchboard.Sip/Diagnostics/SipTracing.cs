using System.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Diagnostics;

/// <summary>
/// Spans of the SIP layer on the <see cref="ActivitySource"/> <see cref="SourceName"/>: one per transaction
/// (RFC 3261 §17), named <c>SIP {method}</c>, kind Server for requests we received and Client for requests we sent,
/// from its start to its first final response (or timeout / transport error). A client transaction is a child of the
/// caller's current span (the call's); a server transaction starts a trace of its own, and an INVITE's span is the
/// parent of the call it starts (<see cref="UserAgents.IncomingCall.TraceContext"/>). Tags: method, status code,
/// transport, Call-ID; never a URI, a number or a display name. Nothing is created when nobody listens.
/// </summary>
public static class SipTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "Switchboard.Sip";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a transaction's span without making it the ambient one (the receive loop and the caller keep theirs).</summary>
    internal static Activity? Start(SipRequest request, ActivityKind kind, SipTransportKind transport)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity("SIP " + request.Method, kind);
        Activity.Current = previous;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("sip.method", request.Method);
            activity.SetTag("sip.call_id", request.CallId);
            activity.SetTag("network.transport", transport == SipTransportKind.Udp ? "udp" : "tcp");
        }

        return activity;
    }

    /// <summary>Ends a span with the final status code (408/503 made up locally for timeouts and transport errors).</summary>
    internal static void Stop(Activity? activity, int statusCode, string? outcome = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("sip.status_code", statusCode);
        if (outcome is not null)
        {
            activity.SetTag("sip.outcome", outcome);
        }

        if (statusCode >= 500 || outcome is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }

        StopDetached(activity);
    }

    /// <summary>Stops a span that is not the ambient one, leaving the ambient span of this thread as it was.</summary>
    internal static void StopDetached(Activity activity)
    {
        var previous = Activity.Current;
        activity.Stop();
        Activity.Current = previous;
    }
}
