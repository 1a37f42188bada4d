using Microsoft.Extensions.Time.Testing;
using Switchboard.Calls.Events;
using Switchboard.Calls.Timers;

namespace Switchboard.Calls.Tests.Timers;

public sealed class CallTimersTests
{
    [Fact]
    public void Start_Elapsed_PostsOnceAndForgets()
    {
        var clock = new FakeTimeProvider();
        var fired = new List<CallEvent>();
        using var timers = new CallTimers(clock, fired.Add);

        timers.Start("a", TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([new TimerFired("a")], fired);
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void Start_Restarted_OnlyTheNewDeadlineCounts()
    {
        var clock = new FakeTimeProvider();
        var fired = new List<CallEvent>();
        using var timers = new CallTimers(clock, fired.Add);

        timers.Start("a", TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(4));
        timers.Start("a", TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(fired);
    }

    [Fact]
    public void Stop_NullName_StopsEveryTimer()
    {
        var clock = new FakeTimeProvider();
        var fired = new List<CallEvent>();
        using var timers = new CallTimers(clock, fired.Add);
        timers.Start("a", TimeSpan.FromSeconds(1));
        timers.Start("b", TimeSpan.FromSeconds(2));

        timers.Stop(null);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(fired);
        Assert.Equal(0, timers.Count);
    }
}
