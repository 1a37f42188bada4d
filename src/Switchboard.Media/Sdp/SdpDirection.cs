namespace Switchboard.Media.Sdp;

/// <summary>Media direction attributes (RFC 4566 §6, RFC 3264 §5.1/§6.1), from the describing party's point of view.</summary>
public enum SdpDirection
{
    /// <summary><c>a=sendrecv</c>, the default.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>: the describer only sends (e.g. puts the other side on hold).</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>: the describer only receives.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: no media either way.</summary>
    Inactive,
}
