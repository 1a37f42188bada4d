using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Security;

namespace Switchboard.Sip.Tests.Security;

public sealed class SourceRateLimiterTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.9");
    private readonly FakeTimeProvider _time = new();

    private SourceRateLimiter Create(int burst = 10, double rate = 5, int maxSources = 100, TimeSpan? ban = null) => new(
        new SourceRateLimitOptions { Burst = burst, MessagesPerSecond = rate, MaxSources = maxSources, BanDuration = ban ?? TimeSpan.FromSeconds(60), ExemptSources = SipSourceList.Loopback },
        _time);

    [Fact]
    public void Check_BurstThenOneMore_BannedThenRefused()
    {
        var limiter = Create();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SourceVerdict.Allow, limiter.Check(Attacker));
        }

        Assert.Equal(SourceVerdict.Banned, limiter.Check(Attacker));
        Assert.Equal(SourceVerdict.Refused, limiter.Check(Attacker));
        Assert.True(limiter.IsBanned(Attacker));
    }

    [Fact]
    public void Check_SustainedAtRate_NeverBanned()
    {
        var limiter = Create();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(SourceVerdict.Allow, limiter.Check(Attacker));
            _time.Advance(TimeSpan.FromMilliseconds(200)); // exactly 5/s
        }
    }

    [Fact]
    public void Check_BanServed_AllowedAgainWithFullBucket()
    {
        var limiter = Create(ban: TimeSpan.FromSeconds(30));
        for (var i = 0; i < 11; i++)
        {
            limiter.Check(Attacker);
        }

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(SourceVerdict.Refused, limiter.Check(Attacker)); // refusals during the ban do not extend it, nor refill
        _time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SourceVerdict.Allow, limiter.Check(Attacker));
        }
    }

    [Fact]
    public void Check_ExemptSource_NeverLimitedNorTracked()
    {
        var limiter = Create();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(SourceVerdict.Allow, limiter.Check(IPAddress.Loopback));
        }

        Assert.Equal(0, limiter.TrackedSources);
    }

    [Fact]
    public void Check_ManyForgedSources_TableBoundedAndOverflowLimited()
    {
        var limiter = Create(burst: 10, maxSources: 50);
        var allowed = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (limiter.Check(new IPAddress([198, 51, (byte)(i >> 8), (byte)i])) == SourceVerdict.Allow)
            {
                allowed++;
            }
        }

        Assert.Equal(50, limiter.TrackedSources);
        Assert.Equal(50 + 10, allowed); // 50 new sources tracked, then the shared overflow bucket's burst
    }

    [Fact]
    public void Check_TableFullOfIdleSources_SweptToMakeRoom()
    {
        var limiter = Create(burst: 10, rate: 5, maxSources: 50);
        for (var i = 0; i < 50; i++)
        {
            limiter.Check(new IPAddress([198, 51, 0, (byte)i]));
        }

        _time.Advance(TimeSpan.FromSeconds(3)); // buckets full again after 10 / 5 = 2 s

        Assert.Equal(SourceVerdict.Allow, limiter.Check(Attacker));
        Assert.Equal(1, limiter.TrackedSources);
    }
}
