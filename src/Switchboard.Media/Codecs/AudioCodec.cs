namespace Switchboard.Media.Codecs;

/// <summary>The audio codecs Switchboard speaks: G.711 at 8 kHz, 20 ms frames of 160 bytes (RFC 3551 §4.5.14).</summary>
public enum AudioCodec
{
    /// <summary>G.711 μ-law, static RTP payload type 0.</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law, static RTP payload type 8.</summary>
    Pcma = 8,
}
