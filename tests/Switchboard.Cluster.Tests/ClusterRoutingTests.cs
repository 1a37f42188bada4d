using System.Globalization;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Routing across the cluster under steady traffic: three BBMT agents signed in on different nodes, each with a
/// baresip phone registered through Kamailio, take a stream of callers who came in on either node; each agent turns
/// down its first offer. The whole run's ACD event stream must keep the two-node ACD test's invariants.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRoutingTests(ITestOutputHelper output)
{
    private const int Callers = 9;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private static readonly (string Id, string Token, string Password, int FirstNode)[] Agents =
    [
        ("bo", "agent-token-bo-0123456789", "bo-secret-pw-1", 1),
        ("cecilia", "agent-token-cecilia-0123456789", "cecilia-secret-pw", 2),
        ("dag", "agent-token-dag-0123456789", "dag-secret-pw-12", 1),
    ];

    [Fact]
    public async Task Callers_on_both_nodes_reach_agents_on_both_nodes_and_the_whole_event_stream_keeps_the_routing_invariants()
    {
        var settings = new Dictionary<string, string>(AgentSteps.ApiTokens)
        {
            ["Dialplan__Path"] = Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Calls", "Fixtures", "transfers-callbacks.yaml"),
        };
        for (var i = 0; i < Agents.Length; i++)
        {
            var n = (i + 2).ToString(CultureInfo.InvariantCulture); // 0 and 1 are anna's and the supervisor's
            settings[$"Api__Tokens__{n}__Token"] = Agents[i].Token;
            settings[$"Api__Tokens__{n}__Subject"] = Agents[i].Id;
            settings[$"Api__Tokens__{n}__Role"] = "agent";
        }

        await using var cluster = await LocalCluster.StartAsync(nodes: 2, settings);
        var agents = new List<ClusterAgent>();
        var phones = new List<BaresipPhone>();
        try
        {
            foreach (var (id, token, password, first) in Agents)
            {
                Uri[] urls = first == 1 ? [cluster.ApiUrl(1), cluster.ApiUrl(2)] : [cluster.ApiUrl(2), cluster.ApiUrl(1)];
                agents.Add(await AgentSteps.SignInAsync(urls, id, token, password)); // creates the phone account too
                phones.Add(await AgentSteps.StartPhoneAsync(cluster.Proxy, id, password));
            }

            using var stop = new CancellationTokenSource();
            var served = Agents.Select((a, i) => ServeAsync(agents[i], a.Id, stop.Token)).ToArray();

            await using (var callers = SippCallers.Start("agent-caller.xml", cluster.Proxy, cluster.ClientAddress(1), calls: Callers, rate: 1, hold: TimeSpan.Zero))
            {
                var result = await callers.WaitAsync(TimeSpan.FromSeconds(120));
                Assert.True(result.Successful == Callers && result.Failed == 0, result + cluster.Logs());
            }

            await stop.CancelAsync();
            var handled = await Task.WhenAll(served);
            output.WriteLine("calls per agent: " + string.Join(", ", Agents.Select((a, i) => $"{a.Id} {handled[i]}")));
            Assert.Equal(Callers, handled.Sum());

            await using var acd = await ClusterAcd.ConnectAsync(cluster);
            var enqueued = await acd.EventsAsync("enqueued");
            Assert.Equal(Callers, enqueued.Count);
            Assert.Equal(2, enqueued.Select(e => e["node"]).Distinct().Count()); // the callers came in on both nodes
            Assert.Equal(Agents.Length, (await acd.EventsAsync("rejected")).Count);
            Assert.Equal(Callers, (await acd.EventsAsync("ended")).Count);
            await ClusterEventInvariants.CheckAsync(acd, output);
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }

            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    /// <summary>Takes offers until <paramref name="stop"/>: turns the first down, then accepts, talks, hangs up and wraps up.</summary>
    private static async Task<int> ServeAsync(ClusterAgent agent, string id, CancellationToken stop)
    {
        var handled = 0;
        var turnedDown = false;
        while (!stop.IsCancellationRequested)
        {
            AgentEvent offer;
            try
            {
                (_, offer) = await agent.NextAsync(AgentEvent.EventOneofCase.Offer, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                continue; // no caller for this agent yet: look at the stop flag again
            }

            var callId = offer.Offer.CallId;
            if (!turnedDown)
            {
                turnedDown = true;
                await agent.CallAsync((c, h) => c.RejectOfferAsync(new RejectOfferRequest { AgentId = id, CallId = callId }, h)).WaitAsync(StepTimeout);
                continue;
            }

            try
            {
                await agent.CallAsync((c, h) => c.AcceptOfferAsync(new AcceptOfferRequest { AgentId = id, CallId = callId }, h)).WaitAsync(StepTimeout);
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
            {
                continue; // on a busy machine the offer's 6 s ran out first: the caller went back to the queue
            }

            Assert.Equal(callId, (await agent.NextAsync(AgentEvent.EventOneofCase.CallConnected, StepTimeout)).Event.CallConnected.CallId);
            await agent.CallAsync((c, h) => c.HangUpAsync(new HangUpRequest { AgentId = id, CallId = callId }, h)).WaitAsync(StepTimeout);
            await agent.NextAsync(AgentEvent.EventOneofCase.WrapUpStarted, StepTimeout);
            await agent.CallAsync((c, h) => c.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = id, Outcome = Outcome.Resolved }, h)).WaitAsync(StepTimeout);
            handled++;
        }

        return handled;
    }
}
