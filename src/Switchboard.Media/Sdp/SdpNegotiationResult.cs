using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Sdp;

/// <summary>
/// Result of answering an offer or reading an answer. When <see cref="IsAccepted"/> is false the SIP layer answers
/// 488 Not Acceptable Here (RFC 3261 §21.4.26) with <see cref="FailureReason"/> as the warning text.
/// </summary>
public sealed record SdpNegotiationResult(SdpSessionDescription? Answer, NegotiatedMedia? Media, string? FailureReason)
{
    /// <summary>True when a common codec was found.</summary>
    [MemberNotNullWhen(true, nameof(Media))]
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool IsAccepted => Media is not null;

    /// <summary>The SIP status code to answer a failed offer with.</summary>
    public const int NotAcceptableStatusCode = 488;

    internal static SdpNegotiationResult Rejected(string reason) => new(null, null, reason);
}
