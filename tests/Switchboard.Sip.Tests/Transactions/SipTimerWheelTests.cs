using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class SipTimerWheelTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Schedule_DueWithinTheAllowanceOfTheWakeUp_FiresInTheSameWakeUp()
    {
        var wheel = new SipTimerWheel(_time);
        var fired = new List<string>();
        wheel.Schedule(TimeSpan.FromMilliseconds(32_000), () => fired.Add("j1"));
        wheel.Schedule(TimeSpan.FromMilliseconds(32_040), () => fired.Add("j2")); // 40 ms later: within 50 ms
        wheel.Schedule(TimeSpan.FromMilliseconds(32_100), () => fired.Add("j3")); // beyond the allowance

        _time.Advance(TimeSpan.FromMilliseconds(31_999));
        Assert.Empty(fired);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["j1", "j2"], fired);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(["j1", "j2"], fired);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["j1", "j2", "j3"], fired);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Schedule_ShortTimer_AllowanceIsAThirtySecondOfItsDuration()
    {
        var wheel = new SipTimerWheel(_time);
        var fired = new List<string>();
        wheel.Schedule(TimeSpan.FromMilliseconds(500), () => fired.Add("a"));
        wheel.Schedule(TimeSpan.FromMilliseconds(510), () => fired.Add("e")); // 510/32 = 15.9 ms: may go 10 ms early
        wheel.Schedule(TimeSpan.FromMilliseconds(520), () => fired.Add("g")); // 16.25 ms: may not go 20 ms early

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(["a", "e"], fired);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(["a", "e", "g"], fired);
    }

    [Fact]
    public void Cancel_BeforeDue_NeverFires()
    {
        var wheel = new SipTimerWheel(_time);
        var fired = 0;
        var entry = wheel.Schedule(TimeSpan.FromSeconds(5), () => fired++);
        wheel.Schedule(TimeSpan.FromSeconds(6), () => fired += 10);

        entry.Cancel();
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(10, fired);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Schedule_EarlierThanTheArmedWakeUp_WakesEarlier()
    {
        var wheel = new SipTimerWheel(_time);
        var fired = new List<string>();
        wheel.Schedule(TimeSpan.FromSeconds(32), () => fired.Add("j"));
        wheel.Schedule(TimeSpan.FromSeconds(5), () => fired.Add("k"));

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["k"], fired);
    }

    [Fact]
    public void Layer_ManyTransactionsInTimerJ_NoTimerEach()
    {
        var time = new CountingTimeProvider(_time);
        var user = new RecordingUser();
        var layer = new SipTransactionLayer(new RecordingTransport(), time) { User = user };
        var created = time.TimersCreated;

        for (var i = 0; i < 50; i++)
        {
            layer.Receive(TestMessages.Request(Messages.SipMethods.Options, branch: $"z9hG4bKwheel{i}"), TestMessages.PeerUdp);
        }

        while (user.Requests.TryDequeue(out var tx))
        {
            Assert.True(tx.Respond(TestMessages.ResponseTo(tx.Request, 200)));
        }

        Assert.Equal(50, layer.ServerTransactionCount); // Completed, absorbing retransmissions until timer J
        Assert.Equal(created, time.TimersCreated);
        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, layer.ServerTransactionCount);
    }

    private sealed class CountingTimeProvider(FakeTimeProvider inner) : TimeProvider
    {
        private int _created;

        public int TimersCreated => Volatile.Read(ref _created);

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }
}
