using Grpc.Core;
using Switchboard.Api.Agent.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>
/// The terminal agent console behind <c>sbctl agent</c>: prints the agent's event stream while reading commands,
/// one per input line (<c>ready</c>, <c>pause lunch</c>, <c>accept</c>, <c>wrapup resolved "note"</c>, ...),
/// and acts on its own for scripted use (auto-accept, auto-wrap-up, exit after N calls).
/// </summary>
internal sealed partial class AgentConsole
{
    private readonly AgentEndpoints _endpoints;
    private readonly Metadata _headers;
    private readonly AgentConsoleOptions _options;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _offeredCallId;
    private string? _currentCallId;
    private AgentState _state = AgentState.Unspecified;
    private int _callsEnded;
    private int _callsFinished;
    private int _failures;

    public AgentConsole(AgentService.AgentServiceClient client, Metadata headers, AgentConsoleOptions options, TextWriter output, TextWriter error, TimeProvider? timeProvider = null)
        : this(new AgentEndpoints([client]), headers, options, output, error, timeProvider)
    {
    }

    /// <summary>A console that knows several nodes (<see cref="AgentEndpoints"/>): it moves to the next when one fails.</summary>
    public AgentConsole(AgentEndpoints endpoints, Metadata headers, AgentConsoleOptions options, TextWriter output, TextWriter error, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _endpoints = endpoints;
        _headers = headers;
        _options = options;
        _output = output;
        _error = error;
    }

    /// <summary>Runs until <c>quit</c>, end of input (unless waiting for <c>--exit-after-calls</c>), the N-th call, or cancellation. Returns the exit code.</summary>
    public async Task<int> RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (_options.SignIn is { } signIn)
            {
                var status = (await _endpoints.CallAsync(c => c.SignInAsync(signIn, _headers, cancellationToken: stop.Token))).Status;
                Print($"signed in: {AgentText.Status(status)}");
            }

            if (_options.Ready)
            {
                var status = (await _endpoints.CallAsync(c => c.SetStateAsync(new SetStateRequest { AgentId = AgentId, State = AgentState.Ready }, _headers, cancellationToken: stop.Token))).Status;
                Print($"state {AgentText.State(status.State)}");
            }
        }
        catch (RpcException ex)
        {
            PrintError(ex.StatusCode == StatusCode.Cancelled ? "cancelled" : RpcErrors.Describe(ex));
            return RpcErrors.ExitCode;
        }

        var eventLoop = ReadEventsAsync(stop.Token);
        var inputLoop = ReadInputAsync(input, stop.Token);
        using (cancellationToken.Register(() => _done.TrySetResult()))
        {
            await Task.WhenAny(eventLoop, _done.Task);
        }

        await stop.CancelAsync();
        await Task.WhenAll(eventLoop, inputLoop);
        var streamFailed = await eventLoop;

        if (_options.SignOutOnExit && !cancellationToken.IsCancellationRequested)
        {
            await RunCommandAsync(["signout"], CancellationToken.None);
        }

        var unfinished = _options.ExitAfterCalls is { } limit && Volatile.Read(ref _callsFinished) < limit;
        return streamFailed || unfinished ? 1 : 0;
    }

    /// <summary>Commands that failed so far (printed as <c>error: ...</c>).</summary>
    public int Failures => Volatile.Read(ref _failures);

    private string AgentId => _options.AgentId ?? string.Empty;

    /// <summary>
    /// Reads the event stream, reconnecting after a lost connection (the server replays a pending offer): on the next
    /// node at once when the console knows several, and after <see cref="ReconnectDelay"/> once every node failed in a
    /// row. Returns true when it failed for good (not when cancelled): an error that is not about the node being gone,
    /// no node reachable before the stream ever worked, or (with one node) the server closing the stream.
    /// </summary>
    private async Task<bool> ReadEventsAsync(CancellationToken cancellationToken)
    {
        var connected = false;
        var failedInRow = 0;
        while (true)
        {
            var node = _endpoints.Current;
            string lost;
            try
            {
                using var events = _endpoints.Client(node).Events(new EventsRequest { AgentId = AgentId }, _headers, cancellationToken: cancellationToken);
                await foreach (var e in events.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    connected = true;
                    failedInRow = 0;
                    FillCallId(e);
                    Print(AgentText.Event(e));
                    await OnEventAsync(e, cancellationToken);
                }

                if (_endpoints.Count == 1)
                {
                    PrintError("event stream closed by the server");
                    return true;
                }

                lost = "closed by the server"; // e.g. the node is draining: another node takes the stream
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (RpcException ex) when (NodeGone(ex.StatusCode) && (connected || failedInRow + 1 < _endpoints.Count))
            {
                lost = ex.Status.Detail;
            }
            catch (RpcException ex)
            {
                PrintError("event stream: " + RpcErrors.Describe(ex));
                return true;
            }

            // The node went away (or the network blinked). The agent's state and a pending offer are in Redis: any node
            // carries on.
            var next = _endpoints.MoveOn(node);
            var pause = ++failedInRow >= _endpoints.Count;
            if (pause)
            {
                failedInRow = 0;
            }

            PrintError($"event stream lost on {_endpoints.Name(node)} ({lost}); reconnecting to {_endpoints.Name(next)}"
                + (pause ? $" in {ReconnectDelay.TotalSeconds:0} s" : string.Empty));
            if (pause)
            {
                try
                {
                    await Task.Delay(ReconnectDelay, _timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>
    /// Statuses that say the node (or the way to it) is gone, not that the request was wrong: try another node. A node
    /// that stops aborts its streams, which the client sees as Cancelled although it cancelled nothing.
    /// </summary>
    private static bool NodeGone(StatusCode code) => code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Aborted or StatusCode.Cancelled;

    private async Task OnEventAsync(AgentEvent e, CancellationToken cancellationToken)
    {
        switch (e.EventCase)
        {
            case AgentEvent.EventOneofCase.StateChanged:
                lock (_gate)
                {
                    _state = e.StateChanged.State;
                }

                break;
            case AgentEvent.EventOneofCase.Offer:
                lock (_gate)
                {
                    _offeredCallId = e.Offer.CallId;
                }

                if (_options.AutoAccept)
                {
                    await RunCommandAsync(["accept", e.Offer.CallId], cancellationToken);
                }

                break;
            case AgentEvent.EventOneofCase.OfferRescinded:
                lock (_gate)
                {
                    if (_offeredCallId == e.OfferRescinded.CallId)
                    {
                        _offeredCallId = null;
                    }
                }

                break;
            case AgentEvent.EventOneofCase.CallConnected:
                lock (_gate)
                {
                    _currentCallId = e.CallConnected.CallId;
                    _offeredCallId = null;
                }

                break;
            case AgentEvent.EventOneofCase.CallEnded:
                lock (_gate)
                {
                    _callsEnded++;
                }

                if (_options.AutoWrapUp is null)
                {
                    CallFinished();
                }

                break;
            case AgentEvent.EventOneofCase.WrapUpStarted:
                if (_options.AutoWrapUp is { } outcome)
                {
                    if (await RunCommandAsync(["wrapup", AgentText.Outcome(outcome)], cancellationToken))
                    {
                        CallFinished();
                    }
                }

                break;
        }
    }

    /// <summary>The server may send call ended / wrap-up without a call id; the console knows the call it handles.</summary>
    private void FillCallId(AgentEvent e)
    {
        lock (_gate)
        {
            if (e.EventCase == AgentEvent.EventOneofCase.CallEnded && string.IsNullOrEmpty(e.CallEnded.CallId) && _currentCallId is { } ended)
            {
                e.CallEnded.CallId = ended;
            }
            else if (e.EventCase == AgentEvent.EventOneofCase.WrapUpStarted && string.IsNullOrEmpty(e.WrapUpStarted.CallId) && _currentCallId is { } wrapped)
            {
                e.WrapUpStarted.CallId = wrapped;
            }
        }
    }

    private void CallFinished()
    {
        var finished = Interlocked.Increment(ref _callsFinished);
        if (_options.ExitAfterCalls is { } limit && finished >= limit)
        {
            Print($"done: {finished} call(s)");
            _done.TrySetResult();
        }
    }

    private async Task ReadInputAsync(TextReader input, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await input.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    if (_options.ExitAfterCalls is null)
                    {
                        _done.TrySetResult();
                    }

                    return;
                }

                var words = CommandLineTokenizer.Split(line);
                if (words.Count == 0)
                {
                    continue;
                }

                if (words[0] is "quit" or "exit")
                {
                    _done.TrySetResult();
                    return;
                }

                await RunCommandAsync(words, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Print(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private void PrintError(string line)
    {
        Interlocked.Increment(ref _failures);
        lock (_gate)
        {
            _error.WriteLine("error: " + line);
            _error.Flush();
        }
    }
}
