using System.Net;

namespace Switchboard.Cli.Phone;

/// <summary>How a built-in phone (<c>sbctl phone</c>, <c>sbctl call</c>, <c>sbctl agent --phone</c>) runs.</summary>
internal sealed record PhoneOptions
{
    /// <summary>The user part of our Contact and From (the agent's account name for a registering phone).</summary>
    public string User { get; init; } = "sbctl";

    /// <summary>Address the phone's SIP and RTP sockets bind.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>SIP port (UDP and TCP); 0: any free port.</summary>
    public int SipPort { get; init; }

    /// <summary>RTP ports are taken from here (even ports, RTCP on the next).</summary>
    public int RtpPortStart { get; init; } = 40000;

    /// <summary>Last RTP port of the range.</summary>
    public int RtpPortEnd { get; init; } = 44999;

    /// <summary>What the phone sends.</summary>
    public required PhoneAudio Audio { get; init; }

    /// <summary>Where each call's recording goes: this path for the first call, <c>name-2.wav</c>, ... for later ones; null: no recording.</summary>
    public string? RecordPath { get; init; }

    /// <summary>The phone hangs up this long after the call was answered; null: it waits for the other side.</summary>
    public TimeSpan? HangUpAfter { get; init; }
}
