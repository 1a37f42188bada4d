using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Switchboard.Media.Sessions;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Media</c> section as configured (docs/media.md), checked by <see cref="MediaSectionOptionsValidator"/>. Becomes
/// the media layer's <see cref="MediaOptions"/> through <see cref="ToMediaOptions"/>, where the addresses follow
/// <c>Sip:*</c> when not set: <c>Address</c> = <c>Sip:BindAddress</c>; <c>AdvertisedAddress</c> = <c>Sip:PublicAddress</c>,
/// else the media address (127.0.0.1 for a wildcard bind). Durations take seconds (<c>30</c>) or a time span
/// (<c>00:00:30</c>); 0 turns the inactivity timeout off. Other defaults are <see cref="MediaOptions"/>'.
/// </summary>
public sealed class MediaSectionOptions : IValidatableObject
{
    public const string Section = "Media";

    private static readonly MediaOptions Defaults = new();

    /// <summary><c>Media:Address</c>: the IP address RTP sockets bind; empty: <c>Sip:BindAddress</c>.</summary>
    public string? Address { get; set; }

    /// <summary><c>Media:AdvertisedAddress</c>: the address written into SDP; empty: see the class summary.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary><c>Media:PortRangeStart</c>: first RTP port.</summary>
    [Range(1, 65534)]
    public int PortRangeStart { get; set; } = Defaults.PortRangeStart;

    /// <summary><c>Media:PortRangeEnd</c>: last RTP port; the range holds at least two RTP/RTCP pairs.</summary>
    [Range(1, 65534)]
    public int PortRangeEnd { get; set; } = Defaults.PortRangeEnd;

    /// <summary><c>Media:RtpInactivityTimeout</c>: no RTP/RTCP this long hangs up; 0 turns it off.</summary>
    public Duration RtpInactivityTimeout { get; set; } = Defaults.RtpInactivityTimeout;

    /// <summary><c>Media:StrictRtp</c>: learn the peer's media address only from the address signalling named.</summary>
    public bool StrictRtp { get; set; } = Defaults.StrictRtp;

    /// <summary><c>Media:RtpLearningWindow</c>: how long after an answer a leg may still learn a new source port.</summary>
    public Duration RtpLearningWindow { get; set; } = Defaults.RtpLearningWindow;

    /// <summary><c>Media:OutboundPortReservePercent</c>: share of the RTP ports only outbound legs may take.</summary>
    [Range(0, 90)]
    public int OutboundPortReservePercent { get; set; } = Defaults.OutboundPortReservePercent;

    /// <summary><c>Media:ReceiveThreads</c>: -1 one per two cores (Linux), 0 the portable receive loops, 1-64.</summary>
    [Range(-1, 64)]
    public int ReceiveThreads { get; set; } = Defaults.ReceiveThreads;

    /// <summary><c>Media:Bridge:*</c>: re-clocked bridged audio.</summary>
    [ValidateObjectMembers]
    public MediaBridgeSectionOptions Bridge { get; set; } = new();

    /// <summary>The media layer's options, addresses defaulted from <paramref name="sip"/> (valid once checked).</summary>
    public MediaOptions ToMediaOptions(SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(sip);
        var address = NonEmpty(Address) ?? sip.BindAddress.Trim();
        var ip = IPAddress.Parse(address);
        var advertised = NonEmpty(AdvertisedAddress)
            ?? NonEmpty(sip.PublicAddress)
            ?? (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : address);
        return Defaults with
        {
            Address = address,
            AdvertisedAddress = advertised,
            PortRangeStart = PortRangeStart,
            PortRangeEnd = PortRangeEnd,
            RtpInactivityTimeout = RtpInactivityTimeout,
            StrictRtp = StrictRtp,
            RtpLearningWindow = RtpLearningWindow,
            OutboundPortReservePercent = OutboundPortReservePercent,
            ReceiveThreads = ReceiveThreads,
            Bridge = Bridge.ToMediaBridgeOptions(),
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NonEmpty(Address) is { } address && !IPAddress.TryParse(address, out _))
        {
            yield return new ValidationResult($"'{address}' is not an IP address", [nameof(Address)]);
        }

        if (PortRangeEnd - PortRangeStart < 3)
        {
            yield return new ValidationResult(
                $"the RTP port range {PortRangeStart}-{PortRangeEnd} must hold two RTP/RTCP pairs or more", [nameof(PortRangeEnd)]);
        }

        foreach (var (name, value) in new[] { (nameof(RtpInactivityTimeout), RtpInactivityTimeout), (nameof(RtpLearningWindow), RtpLearningWindow) })
        {
            if (value.Value > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult("must be between 0 and one day (seconds, e.g. 30, or a time span, e.g. 00:00:30)", [name]);
            }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
