using System.Globalization;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// How the transaction layer tells transactions apart (RFC 3261 §17.1.3, §17.2.3 with the RFC 2543 fallback) and the
/// received/rport stamp on a request's top Via that decides where its responses go (§18.2.1, RFC 3581 §4).
/// </summary>
internal static class SipTransactionKeys
{
    /// <summary>Client transaction key (§17.1.3): the branch of our Via and the method.</summary>
    public static string Client(string branch, string method) => string.Concat(branch, "|", method);

    /// <summary>Server transaction key (§17.2.3); requests without the magic cookie use the RFC 2543 fields.</summary>
    public static string Server(SipRequest request, string method)
    {
        var via = request.TopVia;
        if (via?.Branch is { } branch && branch.StartsWith(SipVia.BranchCookie, StringComparison.Ordinal) && branch.Length > SipVia.BranchCookie.Length)
        {
            return string.Join('|', branch, via.SentBy, method);
        }

        return string.Join('|', "2543", request.CallId, request.CSeq?.Number.ToString(CultureInfo.InvariantCulture), request.From?.Tag, via?.SentBy, via?.Branch, method);
    }

    /// <summary>Adds received and rport to the top Via of a request (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
    public static SipRequest StampVia(SipRequest request, SipEndPoint remote)
    {
        var first = request.Headers.Get(SipHeaderNames.Via);
        if (first is null)
        {
            return request;
        }

        var values = new List<string>();
        HeaderValueSplitter.Split(first, values);
        if (!SipVia.TryParse(values[0], out var via))
        {
            return request;
        }

        var address = remote.Address.Address.ToString();
        var ps = via.Parameters;
        if (ps.Has("rport"))
        {
            ps = ps.With("rport", remote.Address.Port.ToString(CultureInfo.InvariantCulture)).With("received", address);
        }
        else if (via.Host != address)
        {
            ps = ps.With("received", address);
        }
        else
        {
            return request;
        }

        values[0] = (via with { Parameters = ps }).ToString();
        return request with { Headers = request.Headers.ReplaceFirst(SipHeaderNames.Via, string.Join(", ", values)) };
    }
}
