namespace Switchboard.Cluster.Tests;

/// <summary>The cluster runs' invariant check catches what it is there to catch.</summary>
public sealed class ClusterEventInvariantsTests
{
    [Fact]
    public void A_clean_run_passes()
    {
        var summary = ClusterEventInvariants.Check(
        [
            Enqueued("c1", place: 100), Enqueued("c2", place: 200),
            Event("offered", "c1", "anna"), Event("rejected", "c1", "anna"),
            Event("offered", "c1", "bo"), Event("accepted", "c1", "bo"), Event("answered", "c1", "bo"),
            Event("offered", "c2", "anna"), Event("offer_timeout", "c2", "anna"),
            Event("ended", "c1", "bo"), Event("node_lost", "c2", ""),
        ]);

        Assert.Contains("2 calls, 3 offers, 2 ended once each", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_offered_while_another_agent_holds_it_fails()
    {
        var error = Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Event("offered", "c1", "anna"), Event("offered", "c1", "bo")]));
        Assert.Contains("while anna holds it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_offered_a_second_call_fails()
    {
        var error = Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Enqueued("c2", place: 200), Event("offered", "c1", "anna"), Event("offered", "c2", "anna")]));
        Assert.Contains("while holding c1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_younger_caller_offered_first_fails_but_a_higher_priority_one_may_go_first()
    {
        var error = Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Enqueued("c2", place: 200), Event("offered", "c2", "anna")]));
        Assert.Contains("ahead of c1", error.Message, StringComparison.Ordinal);

        ClusterEventInvariants.Check([Enqueued("c1", place: 100), Enqueued("c2", place: 200, prio: 1), Event("offered", "c2", "anna")]);
    }

    [Fact]
    public void A_call_ended_twice_or_answered_after_its_end_fails()
    {
        Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Event("abandoned", "c1", ""), Event("node_lost", "c1", "")]));
        Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Event("offered", "c1", "anna"), Event("ended", "c1", "anna"), Event("answered", "c1", "anna")]));
    }

    [Fact]
    public void An_answer_from_an_agent_who_does_not_hold_the_call_fails()
    {
        var error = Assert.ThrowsAny<Exception>(() => ClusterEventInvariants.Check(
            [Enqueued("c1", place: 100), Event("offered", "c1", "anna"), Event("answered", "c1", "bo")]));
        Assert.Contains("held by anna", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Enqueued(string call, long place, int prio = 0) => new(StringComparer.Ordinal)
    {
        ["type"] = "enqueued", ["call"] = call, ["queue"] = "bsu", ["prio"] = prio.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["place"] = place.ToString(System.Globalization.CultureInfo.InvariantCulture), ["skills"] = "", ["lang"] = "",
    };

    private static Dictionary<string, string> Event(string type, string call, string agent) => new(StringComparer.Ordinal)
    {
        ["type"] = type, ["call"] = call, ["queue"] = "bsu", ["agent"] = agent,
    };
}
