using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

public sealed class PortAllocatorTests
{
    [Fact]
    public void Confirm_InboundAtLimit_RefusedWhileOutboundStillTakesReserve()
    {
        var ports = new PortAllocator(40000, 40018, outboundReservePercent: 20); // 10 pairs, 2 reserved

        var inbound = ports.Candidates().Where(p => ports.Confirm(p, MediaLegDirection.Inbound)).Take(8).ToList();

        Assert.Equal(8, inbound.Count);
        Assert.True(ports.InboundExhausted);
        Assert.DoesNotContain(ports.Candidates(), p => ports.Confirm(p, MediaLegDirection.Inbound));
        var outbound = ports.Candidates().Where(p => ports.Confirm(p, MediaLegDirection.Outbound)).Take(2).ToList();
        Assert.Equal(2, outbound.Count);
        Assert.Empty(ports.Candidates());

        ports.Release(inbound[0]);
        Assert.False(ports.InboundExhausted);
        Assert.Equal([inbound[0]], ports.Candidates().Distinct());
    }

    [Fact]
    public void Candidates_FirstChoice_SpreadOverTheRange()
    {
        var ports = new PortAllocator(40000, 49998);

        var firsts = Enumerable.Range(0, 20).Select(_ => ports.Candidates().First()).ToList();

        Assert.All(firsts, p => Assert.True(p % 2 == 0 && p is >= 40000 and <= 49998));
        Assert.True(firsts.Distinct().Count() > 15, string.Join(",", firsts)); // 20 draws from 5,000 ports
    }

    [Fact]
    public void Candidates_AfterRandomTries_StillOffersEveryFreePort()
    {
        var ports = new PortAllocator(40000, 40006); // 4 pairs

        Assert.Equal([40000, 40002, 40004, 40006], ports.Candidates().Distinct().Order());
    }

    [Fact]
    public void Constructor_ReserveOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortAllocator(40000, 40018, outboundReservePercent: 95));

    [Fact]
    public async Task CreateSession_InboundReserveReached_ThrowsCountsAndLogsButOutboundGetsPort()
    {
        var collected = new FakeLogCollector();
        using var logs = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collected)));
        var basePort = 42000 + (Random.Shared.Next(0, 300) * 20);
        await using var engine = new MediaEngine(
            new MediaOptions { PortRangeStart = basePort, PortRangeEnd = basePort + 6, OutboundPortReservePercent = 50 }, new FakeTimeProvider(), logs);
        await using var first = engine.CreateSession(startClock: false);
        await using var second = engine.CreateSession(startClock: false);

        Assert.Throws<InvalidOperationException>(() => engine.CreateSession(startClock: false));
        await using var agent = engine.CreateSession(MediaLegDirection.Outbound, startClock: false);

        Assert.Equal(1, engine.SecurityCounters.InboundPortRefusals);
        var line = Assert.Single(collected.GetSnapshot(), e => e.Category == "Switchboard.Security");
        Assert.Equal(4101, line.Id.Id);
    }
}
