using System.Globalization;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// A session timer (RFC 4028) as we answer it: the interval in seconds and who refreshes. Negotiated from the INVITE or
/// the refresh request that carries <c>Session-Expires</c>; without one there is no session timer (§9).
/// </summary>
/// <param name="Seconds">The session interval.</param>
/// <param name="WeRefresh">True when we (the UAS) send the refreshes, false when the peer (the UAC) does.</param>
/// <param name="PeerSupportsTimer">The peer listed <c>timer</c> in Supported or Require: our 2xx then says <c>Require: timer</c> (§9).</param>
public sealed record SessionInterval(int Seconds, bool WeRefresh, bool PeerSupportsTimer)
{
    /// <summary>Our Min-SE: the RFC's lowest allowed value (§4), so a peer or proxy cannot make us refresh or expire every few seconds.</summary>
    public const int MinimumSeconds = 90;

    /// <summary>The option tag (RFC 4028 §3).</summary>
    public const string OptionTag = "timer";

    /// <summary>The value of our <c>Session-Expires</c> header field in a 2xx.</summary>
    public string HeaderValue => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher={(WeRefresh ? "uas" : "uac")}");

    /// <summary>
    /// When the side that does not refresh ends the session without a refresh: the interval less a third of it, at most
    /// 32 s (§10).
    /// </summary>
    public TimeSpan ExpiresAfter => TimeSpan.FromSeconds(Seconds - Math.Min(32, Seconds / 3));

    /// <summary>When the refresher sends its refresh: half the interval (§7.2, §10).</summary>
    public TimeSpan RefreshAfter => TimeSpan.FromSeconds(Seconds / 2.0);

    /// <summary>
    /// The session timer a request asks for, or null (no <c>Session-Expires</c>, or one that cannot be parsed: no timer,
    /// rather than a failed call). An interval below <see cref="MinimumSeconds"/> from a peer without timer support is
    /// raised to it (RFC 4028 erratum 1687); with support, see <see cref="IsTooSmall"/>.
    /// </summary>
    public static SessionInterval? FromRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryParse(request.Headers.Get(SipHeaderNames.SessionExpires), out var seconds, out var refresher))
        {
            return null;
        }

        var supports = PeerSupports(request);
        var interval = Math.Max(seconds, MinimumSeconds);

        // The UAC refreshes when it asked to, or when it supports the timer and left the choice to us; a UAC without
        // support cannot refresh, so we must (§9).
        var weRefresh = !supports || refresher == "uas";
        return new SessionInterval(interval, weRefresh, supports);
    }

    /// <summary>
    /// The session timer the 2xx to our own refresh request names: its interval (at least <see cref="MinimumSeconds"/>) and
    /// who refreshes next (<c>refresher=uac</c> names us, the requester); null when it carries none (no timer, §7.4).
    /// </summary>
    public static SessionInterval? FromRefreshResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return TryParse(response.Headers.Get(SipHeaderNames.SessionExpires), out var seconds, out var refresher)
            ? new SessionInterval(Math.Max(seconds, MinimumSeconds), WeRefresh: refresher != "uas", PeerSupportsTimer: true)
            : null;
    }

    /// <summary>A request from a peer with timer support whose interval is below ours: answered 422 with our Min-SE (§9).</summary>
    public static bool IsTooSmall(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryParse(request.Headers.Get(SipHeaderNames.SessionExpires), out var seconds, out _) && seconds < MinimumSeconds && PeerSupports(request);
    }

    /// <summary>Parses <c>delta-seconds *(;se-params)</c> (§4); a delta above a day is capped (a peer cannot make us wait forever).</summary>
    internal static bool TryParse(string? value, out int seconds, out string? refresher)
    {
        seconds = 0;
        refresher = null;
        if (value is null)
        {
            return false;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var delta) || delta <= 0)
        {
            return false;
        }

        seconds = (int)Math.Min(delta, 86_400);
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && p[..eq].Trim().Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                refresher = p[(eq + 1)..].Trim().ToLowerInvariant() switch
                {
                    "uac" => "uac",
                    "uas" => "uas",
                    _ => null,
                };
            }
        }

        return true;
    }

    private static bool PeerSupports(SipRequest request) =>
        request.Headers.GetValues(SipHeaderNames.Supported).Concat(request.Headers.GetValues(SipHeaderNames.Require))
            .Any(t => t.Equals(OptionTag, StringComparison.OrdinalIgnoreCase));
}
