using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Switchboard.Api.Agent.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>The console's input commands, one per line.</summary>
internal sealed partial class AgentConsole
{
    /// <summary>Help text printed by <c>help</c>.</summary>
    public const string Help = """
        commands:
          ready                                  go ready for offers
          pause lunch|meeting|training|other     pause with a reason
          accept [CALL]                          accept the offer
          reject [CALL]                          reject the offer (the caller keeps their place)
          hangup                                 end the current call
          transfer queue NAME                    to another svarsgrupp (caller keeps their place)
          transfer number NUMBER [SECONDS] [queue]
                                                 to a handläggare; ring SECONDS (default 30); if not
                                                 answered back to you, or to the queue with 'queue'
          wrapup resolved|forwarded|callback_needed|other ["note"]
          status | stats                         own state / statistics for today
          signout                                sign out
          quit                                   leave the console
        """;

    /// <summary>Runs one command; returns true when it succeeded.</summary>
    private async Task<bool> RunCommandAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(words[0].ToLowerInvariant(), words.Skip(1).ToArray(), cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            PrintError($"{words[0]}: {RpcErrors.Describe(ex)}");
            return false;
        }
    }

    private async Task<bool> ExecuteAsync(string verb, string[] args, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case "help" or "?":
                Print(Help.TrimEnd());
                return true;
            case "ready":
                return await SetStateAsync(AgentState.Ready, PauseReason.Unspecified, cancellationToken);
            case "pause":
                if (args.Length != 1 || !AgentText.TryParseReason(args[0], out var reason))
                {
                    return Usage("pause lunch|meeting|training|other");
                }

                return await SetStateAsync(AgentState.Paused, reason, cancellationToken);
            case "accept" or "reject":
                return await AnswerOfferAsync(verb == "accept", args, cancellationToken);
            case "hangup" or "hang-up":
                return await HangUpAsync(args, cancellationToken);
            case "transfer":
                return await TransferAsync(args, cancellationToken);
            case "wrapup" or "wrap-up":
                return await WrapUpAsync(args, cancellationToken);
            case "status":
                return Status();
            case "stats":
                return await StatisticsAsync(cancellationToken);
            case "signout" or "sign-out":
                var signedOut = await _endpoints.CallAsync(c => c.SignOutAsync(new SignOutRequest { AgentId = AgentId }, _headers, cancellationToken: cancellationToken));
                Print($"signed out: {AgentText.State(signedOut.Status.State)}");
                return true;
            default:
                return Usage($"unknown command '{verb}' (type help)");
        }
    }

    private async Task<bool> SetStateAsync(AgentState state, PauseReason reason, CancellationToken cancellationToken)
    {
        var response = await _endpoints.CallAsync(c => c.SetStateAsync(new SetStateRequest { AgentId = AgentId, State = state, PauseReason = reason }, _headers, cancellationToken: cancellationToken));
        Print($"ok: {AgentText.State(response.Status.State)}");
        return true;
    }

    private async Task<bool> AnswerOfferAsync(bool accept, string[] args, CancellationToken cancellationToken)
    {
        string? callId;
        lock (_gate)
        {
            callId = args.Length > 0 ? args[0] : _offeredCallId;
        }

        if (callId is null)
        {
            return Usage("no offer to " + (accept ? "accept" : "reject"));
        }

        if (accept)
        {
            await _endpoints.CallAsync(c => c.AcceptOfferAsync(new AcceptOfferRequest { AgentId = AgentId, CallId = callId }, _headers, cancellationToken: cancellationToken));
            lock (_gate)
            {
                _currentCallId = callId;
                _offeredCallId = null;
            }

            Print($"accepted: call {callId} (your phone rings)");
        }
        else
        {
            await _endpoints.CallAsync(c => c.RejectOfferAsync(new RejectOfferRequest { AgentId = AgentId, CallId = callId }, _headers, cancellationToken: cancellationToken));
            lock (_gate)
            {
                _offeredCallId = null;
            }

            Print($"rejected: call {callId}");
        }

        return true;
    }

    private async Task<bool> HangUpAsync(string[] args, CancellationToken cancellationToken)
    {
        var callId = args.Length > 0 ? args[0] : CurrentCall();
        if (callId is null)
        {
            return Usage("no call to hang up");
        }

        await _endpoints.CallAsync(c => c.HangUpAsync(new HangUpRequest { AgentId = AgentId, CallId = callId }, _headers, cancellationToken: cancellationToken));
        Print($"hanging up: call {callId}");
        return true;
    }

    private async Task<bool> TransferAsync(string[] args, CancellationToken cancellationToken)
    {
        const string usage = "transfer queue NAME | transfer number NUMBER [SECONDS] [queue]";
        if (args.Length < 2)
        {
            return Usage(usage);
        }

        var callId = CurrentCall();
        if (callId is null)
        {
            return Usage("no call to transfer");
        }

        var request = new TransferRequest { AgentId = AgentId, CallId = callId };
        switch (args[0].ToLowerInvariant())
        {
            case "queue" when args.Length == 2:
                request.Queue = args[1];
                break;
            case "number" or "external":
                request.ExternalNumber = args[1];
                foreach (var extra in args.Skip(2))
                {
                    if (extra.Equals("queue", StringComparison.OrdinalIgnoreCase))
                    {
                        request.OnNoAnswerReturnToQueue = true;
                    }
                    else if (int.TryParse(extra, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 120)
                    {
                        request.RingTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds));
                    }
                    else
                    {
                        return Usage($"bad '{extra}': ring time is 1-120 seconds; {usage}");
                    }
                }

                break;
            default:
                return Usage(usage);
        }

        var response = await _endpoints.CallAsync(c => c.TransferAsync(request, _headers, cancellationToken: cancellationToken));
        Print($"transferring: call {callId} to {(request.TargetCase == TransferRequest.TargetOneofCase.Queue ? "queue " + request.Queue : request.ExternalNumber)} (transfer {response.TransferId})");
        return true;
    }

    private async Task<bool> WrapUpAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length is < 1 or > 2 || !AgentText.TryParseOutcome(args[0], out var outcome))
        {
            return Usage("wrapup resolved|forwarded|callback_needed|other [\"note\"]");
        }

        var note = args.Length == 2 ? args[1] : string.Empty;
        if (note.Length > 500)
        {
            return Usage("the note is at most 500 characters");
        }

        var response = await _endpoints.CallAsync(c => c.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = AgentId, Outcome = outcome, Note = note }, _headers, cancellationToken: cancellationToken));
        lock (_gate)
        {
            _currentCallId = null;
        }

        Print($"wrap-up done ({AgentText.Outcome(outcome)}): {AgentText.State(response.Status.State)}");
        return true;
    }

    private bool Status()
    {
        // The API has no "get my status" read; the event stream keeps the state current.
        AgentState state;
        string? offered;
        string? current;
        lock (_gate)
        {
            state = _state;
            offered = _offeredCallId;
            current = _currentCallId;
        }

        Print($"state {AgentText.State(state)}{(offered is null ? string.Empty : $", offer {offered}")}{(current is null ? string.Empty : $", call {current}")}");
        return true;
    }

    private async Task<bool> StatisticsAsync(CancellationToken cancellationToken)
    {
        var s = await _endpoints.CallAsync(c => c.GetMyStatisticsAsync(new GetMyStatisticsRequest { AgentId = AgentId }, _headers, cancellationToken: cancellationToken));
        var outcomes = s.Outcomes.Count == 0 ? "none" : string.Join(", ", s.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));
        Print($"today: offers {s.Offers}, accepted {s.Accepted}, rejected {s.Rejected}, missed {s.Missed}, answered {s.CallsAnswered}, talk time {AgentText.Duration(s.TalkTime?.ToTimeSpan() ?? TimeSpan.Zero)}; outcomes: {outcomes}");
        return true;
    }

    private string? CurrentCall()
    {
        lock (_gate)
        {
            return _currentCallId ?? (_state is AgentState.OnCall ? _offeredCallId : null);
        }
    }

    private bool Usage(string message)
    {
        PrintError(message);
        return false;
    }
}
