using System.Globalization;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgents;

/// <summary>
/// The checks a UAS applies to every valid request before acting on it (RFC 3261 §8.2.1-§8.2.3, §16.3 Max-Forwards):
/// method (405/501), Request-URI scheme (416), Max-Forwards 0 (483), Require (420), Content-Type (415), Accept (406).
/// </summary>
public static class SipRequestScreen
{
    /// <summary>Option tags this stack supports (RFC 3261 §19.2).</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = ["replaces", "norefersub"];

    /// <summary>
    /// Option tags a request may require of us and that our answers list as supported: <see cref="SupportedExtensions"/>
    /// plus session timers (RFC 4028), which we run as the answering side only (our own INVITEs do not offer them).
    /// </summary>
    public static readonly IReadOnlyList<string> AcceptedExtensions = [.. SupportedExtensions, SessionInterval.OptionTag];

    /// <summary>Body types accepted in requests.</summary>
    public static readonly IReadOnlyList<string> AcceptedContentTypes = ["application/sdp", "application/dtmf-relay", "application/dtmf", "message/sipfrag", "text/plain"];

    /// <summary>Returns the rejection for a request, or null when the request may be processed.</summary>
    public static SipResponse? Check(SipRequest request, string toTag)
    {
        if (request.Method == SipMethods.Ack)
        {
            return null; // ACK never gets a response (§17.2.1).
        }

        if (!SipMethods.IsSupported(request.Method))
        {
            var known = request.Method is SipMethods.Subscribe or SipMethods.Update or SipMethods.Prack or SipMethods.Message or "PUBLISH";
            var r = SipResponseFactory.Create(request, known ? SipStatusCodes.MethodNotAllowed : SipStatusCodes.NotImplemented, null, toTag);
            return r with { Headers = r.Headers.Add(SipHeaderNames.Allow, string.Join(", ", SipMethods.Supported)) };
        }

        if (!request.Uri.IsSip && request.Uri.Scheme != "tel")
        {
            return SipResponseFactory.Create(request, SipStatusCodes.UnsupportedUriScheme, null, toTag);
        }

        if (request.MaxForwards == 0)
        {
            return SipResponseFactory.Create(request, SipStatusCodes.TooManyHops, null, toTag);
        }

        if (request.Method != SipMethods.Cancel)
        {
            var unsupported = request.Headers.GetValues(SipHeaderNames.Require)
                .Where(t => t.Length > 0 && !AcceptedExtensions.Contains(t, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (unsupported.Count > 0)
            {
                var r = SipResponseFactory.Create(request, SipStatusCodes.BadExtension, null, toTag);
                return r with { Headers = r.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", unsupported)) };
            }
        }

        if (request.Method is SipMethods.Invite or SipMethods.Update && SessionInterval.IsTooSmall(request))
        {
            // RFC 4028 §9: a session interval below our minimum from a peer that can retry with a larger one.
            var r = SipResponseFactory.Create(request, SipStatusCodes.SessionIntervalTooSmall, null, toTag);
            return r with { Headers = r.Headers.Add(SipHeaderNames.MinSessionExpires, SessionInterval.MinimumSeconds.ToString(CultureInfo.InvariantCulture)) };
        }

        if (!request.Body.IsEmpty && request.ContentType is { } type)
        {
            var media = type.Split(';')[0].Trim();
            if (!AcceptedContentTypes.Contains(media, StringComparer.OrdinalIgnoreCase) && !media.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                var r = SipResponseFactory.Create(request, SipStatusCodes.UnsupportedMediaType, null, toTag);
                return r with { Headers = r.Headers.Add(SipHeaderNames.Accept, string.Join(", ", AcceptedContentTypes)) };
            }
        }

        if (request.Method is SipMethods.Invite or SipMethods.Options && request.Headers.Contains(SipHeaderNames.Accept))
        {
            var accepts = request.Headers.GetValues(SipHeaderNames.Accept).Select(a => a.Split(';')[0].Trim()).ToList();
            if (accepts.Count > 0 && !accepts.Any(a => a.Length == 0 || a is "*/*" or "application/*" || a.Equals("application/sdp", StringComparison.OrdinalIgnoreCase)))
            {
                var r = SipResponseFactory.Create(request, SipStatusCodes.NotAcceptable, null, toTag);
                return r with { Headers = r.Headers.Add(SipHeaderNames.Accept, "application/sdp") };
            }
        }

        if (request.Method == SipMethods.Register && request.To is { } to && !to.Uri.IsSip)
        {
            return SipResponseFactory.Create(request, SipStatusCodes.BadRequest, "Bad Request (address-of-record must be a SIP URI)", toTag);
        }

        return null;
    }
}
