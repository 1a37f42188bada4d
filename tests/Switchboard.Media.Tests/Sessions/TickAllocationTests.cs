using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>
/// The media clock's tick, with legs sending frames and RTCP reports, allocates nothing once every leg has sent its
/// first report: a per-tick allocation means garbage collections, whose pauses stop the clock thread.
/// </summary>
public sealed class TickAllocationTests
{
    [Fact]
    public async Task Ticks_WithSendingLegsAndTheirReports_AllocateNothing()
    {
        var time = new FakeTimeProvider();
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998 }, time);
        using var phone = new TestPhone();
        using var otherPhone = new TestPhone();
        await using var sending = engine.CreateSession(startClock: false);
        await using var alsoSending = engine.CreateSession(startClock: false);
        await using var silent = engine.CreateSession(startClock: false); // no answer yet: ticks, sends nothing
        sending.AcceptOffer(phone.Offer("0"));
        alsoSending.AcceptOffer(otherPhone.Offer("8"));
        Tick(engine, time, 500); // 10 s: every leg has sent its first RTCP report (CNAME and address made then)

        var before = GC.GetAllocatedBytesForCurrentThread();
        Tick(engine, time, 1000); // 20 s more, with about four reports per leg
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.InRange(sending.PacketsSent, 1499, 1500); // one frame a tick (the clock starts at its first call)
        Assert.InRange(alsoSending.PacketsSent, 1499, 1500);
        Assert.Equal(0, silent.PacketsSent);
    }

    private static void Tick(MediaEngine engine, FakeTimeProvider time, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            engine.Clock.RunDueTicks();
        }
    }
}
