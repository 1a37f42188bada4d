namespace Switchboard.Media.Security;

/// <summary>What <see cref="RemoteSourceLock.Check"/> decided about one datagram's source.</summary>
internal enum MediaSourceVerdict
{
    /// <summary>From the learnt (or locked) source: process it.</summary>
    Accept,

    /// <summary>From a signalled address, and now the learnt source (the first packet, or a new port while learning): process it and send there.</summary>
    Learnt,

    /// <summary>From an address signalling did not name, or not the locked source: drop it unread and count it.</summary>
    WrongSource,

    /// <summary>No offer/answer yet: nothing is expected, drop it quietly.</summary>
    NotExpected,
}
