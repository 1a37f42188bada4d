namespace Switchboard.Media.Sdp;

/// <summary>Helpers for <see cref="SdpDirection"/> (RFC 3264 §6.1).</summary>
public static class SdpDirectionExtensions
{
    /// <summary>The attribute name: <c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c>, <c>inactive</c>.</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>The direction an answerer uses for an offer with <paramref name="offered"/> (RFC 3264 §6.1).</summary>
    public static SdpDirection Reverse(this SdpDirection offered) => offered switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => offered,
    };

    /// <summary>True when this side sends media in <paramref name="direction"/>.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when this side receives media in <paramref name="direction"/>.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    internal static SdpDirection? FromAttributeName(string name) => name switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };
}
