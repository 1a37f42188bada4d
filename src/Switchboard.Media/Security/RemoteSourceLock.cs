using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Security;

/// <summary>
/// Strict RTP (or RTCP) source for one stream: the peer's media address is learnt only from packets whose IP address
/// signalling named (the SDP connection address, or the SIP source address of a peer behind NAT), during a short
/// learning window after the answer; then the learnt address and port are locked and everything else is a
/// <see cref="MediaSourceVerdict.WrongSource"/>. If nothing arrived during the window, the first packet from a signalled
/// address after it is learnt and locked at once.
/// </summary>
/// <remarks>
/// <see cref="Check"/> runs on the stream's receive loop (one datagram at a time) and allocates nothing except when
/// it learns a new source (a copy of the address, at most a few times per call). <see cref="Expect"/> may be called
/// from another thread (an answer, a re-INVITE): it publishes a new immutable <see cref="Expectation"/> that the
/// receive loop picks up on its next datagram. Without any signalled address (an SDP host name and no SIP source),
/// any address may be learnt during the window: strictness then rests on the lock alone.
/// </remarks>
internal sealed class RemoteSourceLock
{
    private readonly AddressFamily _family;
    private readonly bool _strict;
    private Expectation? _expectation;
    private Expectation? _appliedExpectation;
    private SocketAddress? _learnt;
    private bool _locked;

    /// <param name="family">The receiving socket's address family (signalled IPv4 addresses are mapped for an IPv6 socket).</param>
    /// <param name="strict">False: follow the last sender from any address and never lock (the behaviour before strict RTP).</param>
    public RemoteSourceLock(AddressFamily family, bool strict)
    {
        _family = family;
        _strict = strict;
    }

    /// <summary>The learnt source, or null before the first accepted packet (then send to the signalled address).</summary>
    public SocketAddress? Learnt => Volatile.Read(ref _learnt);

    /// <summary>True once the source is locked.</summary>
    public bool IsLocked => Volatile.Read(ref _locked);

    /// <summary>
    /// Starts learning again from these signalled addresses until <paramref name="learnUntil"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/> value): an answer, or a re-INVITE that moved the peer.
    /// </summary>
    public void Expect(IEnumerable<IPAddress> signalled, long learnUntil)
    {
        var addresses = new List<byte[]>();
        foreach (var address in signalled)
        {
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                continue; // c=0.0.0.0 (old-style hold) names nobody
            }

            var mapped = _family == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address;
            if (mapped.AddressFamily == _family && !addresses.Exists(a => a.AsSpan().SequenceEqual(mapped.GetAddressBytes())))
            {
                addresses.Add(mapped.GetAddressBytes());
            }
        }

        Volatile.Write(ref _expectation, new Expectation([.. addresses], learnUntil));
    }

    /// <summary>Decides about one datagram from <paramref name="from"/> arriving at <paramref name="now"/> (a timestamp).</summary>
    public MediaSourceVerdict Check(SocketAddress from, long now)
    {
        var expectation = Volatile.Read(ref _expectation);
        if (expectation is null)
        {
            return MediaSourceVerdict.NotExpected;
        }

        if (!ReferenceEquals(expectation, _appliedExpectation))
        {
            // New signalling: learn afresh (the send address stays the signalled one until a packet is learnt).
            _appliedExpectation = expectation;
            Volatile.Write(ref _learnt, null);
            Volatile.Write(ref _locked, false);
        }

        var learnt = _learnt;
        if (_locked)
        {
            return learnt is not null && learnt.Equals(from) ? MediaSourceVerdict.Accept : MediaSourceVerdict.WrongSource;
        }

        if (_strict && !IsSignalled(expectation.Addresses, from))
        {
            return MediaSourceVerdict.WrongSource;
        }

        var verdict = MediaSourceVerdict.Accept;
        if (learnt is null || !learnt.Equals(from))
        {
            var copy = new SocketAddress(from.Family, from.Size);
            from.Buffer.Span.CopyTo(copy.Buffer.Span);
            Volatile.Write(ref _learnt, copy);
            verdict = MediaSourceVerdict.Learnt;
        }

        if (_strict && now >= expectation.LearnUntil)
        {
            Volatile.Write(ref _locked, true);
        }

        return verdict;
    }

    /// <summary>True when the IP address of <paramref name="from"/> is one signalling named (any, if it named none).</summary>
    private bool IsSignalled(byte[][] addresses, SocketAddress from)
    {
        if (addresses.Length == 0)
        {
            return true;
        }

        if (from.Family != _family)
        {
            return false;
        }

        // sockaddr_in: family(2) port(2) address(4); sockaddr_in6: family(2) port(2) flowinfo(4) address(16).
        var bytes = from.Buffer.Span;
        var address = _family == AddressFamily.InterNetwork ? bytes.Slice(4, 4) : bytes.Slice(8, 16);
        foreach (var candidate in addresses)
        {
            if (address.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The addresses signalling named for one offer/answer, and the end of its learning window.</summary>
    private sealed record Expectation(byte[][] Addresses, long LearnUntil);
}
