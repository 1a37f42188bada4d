using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Switchboard.Api.Agent.V1;

namespace Switchboard.LoadTool;

/// <summary>
/// Bridged-call load: <see cref="Count"/> agents sign in over the real gRPC API (one HS256 token each), go ready in
/// queue <see cref="Queue"/> with SIP address <c>sip:{agent}@{PhoneHostPort}</c> (a SIPp <c>uas</c> answers for all
/// of them), accept every offer at once and complete wrap-up as <c>resolved</c>. Runs until cancelled; then signs out
/// and prints counters as <c>key=value</c> lines.
/// </summary>
public sealed class LoadAgents(Uri api, string signingKey, int count, string queue, string phoneHostPort)
{
    private long _offers;
    private long _accepted;
    private long _acceptFailed;
    private long _connected;
    private long _ended;
    private long _wrapUps;
    private long _streamErrors;

    /// <summary>Number of agents.</summary>
    public int Count => count;

    /// <summary>Queue the agents serve.</summary>
    public string Queue => queue;

    /// <summary>Signs everyone in, writes <paramref name="readyFile"/> when all are ready, serves until cancelled.</summary>
    public async Task<int> RunAsync(string readyFile, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(api, new GrpcChannelOptions
        {
            // Kestrel allows 100 streams per HTTP/2 connection; every agent keeps one event stream open.
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var client = new AgentService.AgentServiceClient(channel);
        var agents = Enumerable.Range(1, count)
            .Select(i => (Id: string.Create(CultureInfo.InvariantCulture, $"load-agent-{i}"), Headers: new Metadata()))
            .ToList();
        foreach (var agent in agents)
        {
            var token = LoadJwt.Create(signingKey, agent.Id, "agent", TimeSpan.FromHours(12), DateTimeOffset.UtcNow);
            agent.Headers.Add("authorization", "Bearer " + token);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = new List<Task>();
        foreach (var (id, headers) in agents)
        {
            // Open the event stream before going ready so no offer is missed.
            streams.Add(ServeAsync(client, id, headers, stop.Token));
            var request = new SignInRequest
            {
                AgentId = id,
                DisplayName = id,
                SipAddress = $"sip:{id}@{phoneHostPort}",
                Queues = { queue },
                Skills = { new Skill { Name = queue, Level = 5 } },
                Languages = { "sv" },
            };
            await client.SignInAsync(request, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(readyFile, count.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var (id, headers) in agents)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.SignOutAsync(new SignOutRequest { AgentId = id }, headers, cancellationToken: timeout.Token).ConfigureAwait(false);
            }
            catch (RpcException)
            {
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(streams).ConfigureAwait(false);
        Print(Console.Out);
        return 0;
    }

    private async Task ServeAsync(AgentService.AgentServiceClient client, string id, Metadata headers, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = client.Events(new EventsRequest { AgentId = id }, headers, cancellationToken: cancellationToken);
                await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await HandleAsync(client, id, headers, e, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref _streamErrors);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(AgentService.AgentServiceClient client, string id, Metadata headers, AgentEvent e, CancellationToken cancellationToken)
    {
        switch (e.EventCase)
        {
            case AgentEvent.EventOneofCase.Offer:
                Interlocked.Increment(ref _offers);
                try
                {
                    await client.AcceptOfferAsync(new AcceptOfferRequest { AgentId = id, CallId = e.Offer.CallId }, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _accepted);
                }
                catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
                {
                    Interlocked.Increment(ref _acceptFailed); // the offer was withdrawn meanwhile (caller left, timeout)
                }

                break;
            case AgentEvent.EventOneofCase.CallConnected:
                Interlocked.Increment(ref _connected);
                break;
            case AgentEvent.EventOneofCase.CallEnded:
                Interlocked.Increment(ref _ended);
                break;
            case AgentEvent.EventOneofCase.WrapUpStarted:
                try
                {
                    await client.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = id, Outcome = Outcome.Resolved }, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _wrapUps);
                }
                catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
                {
                    Interlocked.Increment(ref _streamErrors);
                }

                break;
        }
    }

    private void Print(TextWriter output)
    {
        output.WriteLine(FormattableString.Invariant($"agents={count}"));
        output.WriteLine(FormattableString.Invariant($"offers={Interlocked.Read(ref _offers)}"));
        output.WriteLine(FormattableString.Invariant($"accepted={Interlocked.Read(ref _accepted)}"));
        output.WriteLine(FormattableString.Invariant($"accept_failed={Interlocked.Read(ref _acceptFailed)}"));
        output.WriteLine(FormattableString.Invariant($"connected={Interlocked.Read(ref _connected)}"));
        output.WriteLine(FormattableString.Invariant($"ended={Interlocked.Read(ref _ended)}"));
        output.WriteLine(FormattableString.Invariant($"wrapups={Interlocked.Read(ref _wrapUps)}"));
        output.WriteLine(FormattableString.Invariant($"stream_errors={Interlocked.Read(ref _streamErrors)}"));
    }
}
