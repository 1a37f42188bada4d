namespace Switchboard.Media.Dtmf;

/// <summary>How a key press reached us.</summary>
public enum DtmfSource
{
    /// <summary>RTP telephone-event packets (RFC 4733).</summary>
    Rfc4733,

    /// <summary>A SIP INFO request (application/dtmf-relay or application/dtmf).</summary>
    SipInfo,

    /// <summary>Tones in the G.711 audio, found by Goertzel detection.</summary>
    InBand,
}
