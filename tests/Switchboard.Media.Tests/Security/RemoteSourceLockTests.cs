using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Security;

namespace Switchboard.Media.Tests.Security;

public sealed class RemoteSourceLockTests
{
    private const long Window = 100;

    private static readonly SocketAddress Peer = Address("192.0.2.10", 4000);
    private static readonly SocketAddress PeerOtherPort = Address("192.0.2.10", 4002);
    private static readonly SocketAddress Nat = Address("198.51.100.7", 33000);
    private static readonly SocketAddress Stranger = Address("203.0.113.66", 4000);

    [Fact]
    public void Check_BeforeExpect_NotExpected() =>
        Assert.Equal(MediaSourceVerdict.NotExpected, new RemoteSourceLock(AddressFamily.InterNetwork, strict: true).Check(Peer, 0));

    [Fact]
    public void Check_StrangerWhileLearning_WrongSourceAndNothingLearnt()
    {
        var source = Expecting(IPAddress.Parse("192.0.2.10"));

        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Stranger, 1));
        Assert.Null(source.Learnt);
    }

    [Fact]
    public void Check_SignalledThenOtherPortInWindow_LearnsBothThenLocksOnLast()
    {
        var source = Expecting(IPAddress.Parse("192.0.2.10"));

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Peer, 1));
        Assert.Equal(MediaSourceVerdict.Accept, source.Check(Peer, 2));
        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(PeerOtherPort, 3));
        Assert.Equal(MediaSourceVerdict.Accept, source.Check(PeerOtherPort, Window));
        Assert.True(source.IsLocked);
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Peer, Window + 1));
        Assert.Equal(PeerOtherPort, source.Learnt);
    }

    [Fact]
    public void Check_NothingDuringWindow_FirstSignalledPacketAfterItLocks()
    {
        var source = Expecting(IPAddress.Parse("192.0.2.10"));

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(PeerOtherPort, Window * 5));

        Assert.True(source.IsLocked);
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Peer, Window * 5 + 1));
    }

    [Fact]
    public void Check_NatSourceSignalled_LearntBesidesSdpAddress()
    {
        var source = Expecting(IPAddress.Parse("10.0.0.5"), IPAddress.Parse("198.51.100.7"));

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Nat, 1));
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Stranger, 2));
    }

    [Fact]
    public void Expect_Again_UnlocksAndLearnsAfresh()
    {
        var source = Expecting(IPAddress.Parse("192.0.2.10"));
        source.Check(Peer, Window);
        Assert.True(source.IsLocked);

        source.Expect([IPAddress.Parse("203.0.113.66")], Window * 3);

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Stranger, Window + 1));
        Assert.False(source.IsLocked);
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Peer, Window + 2));
    }

    [Fact]
    public void Check_NoUsableSignalledAddress_LearnsFirstSenderThenLocks()
    {
        var source = Expecting(IPAddress.Any);

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Stranger, Window));
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(Peer, Window + 1));
    }

    [Fact]
    public void Check_Ipv6Socket_MatchesMappedIpv4Signalled()
    {
        var source = new RemoteSourceLock(AddressFamily.InterNetworkV6, strict: true);
        source.Expect([IPAddress.Parse("192.0.2.10")], Window);

        var mapped = new IPEndPoint(IPAddress.Parse("192.0.2.10").MapToIPv6(), 4000).Serialize();
        var other = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 4000).Serialize();

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(mapped, 1));
        Assert.Equal(MediaSourceVerdict.WrongSource, source.Check(other, 2));
    }

    [Fact]
    public void Check_NotStrict_FollowsEverySenderAndNeverLocks()
    {
        var source = new RemoteSourceLock(AddressFamily.InterNetwork, strict: false);
        source.Expect([IPAddress.Parse("192.0.2.10")], Window);

        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Stranger, Window * 2));
        Assert.Equal(MediaSourceVerdict.Learnt, source.Check(Peer, Window * 3));
        Assert.False(source.IsLocked);
    }

    private static RemoteSourceLock Expecting(params IPAddress[] signalled)
    {
        var source = new RemoteSourceLock(AddressFamily.InterNetwork, strict: true);
        source.Expect(signalled, Window);
        return source;
    }

    private static SocketAddress Address(string ip, int port) => new IPEndPoint(IPAddress.Parse(ip), port).Serialize();
}
