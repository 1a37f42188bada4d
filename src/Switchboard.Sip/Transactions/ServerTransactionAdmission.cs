using System.Net;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Security;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The checks made before a new server transaction is created (docs/security.md "Caps"): an INVITE starting a call
/// must come from a call source, and the transaction count and the bytes they hold stay under their caps. The last
/// <see cref="SipSecurityOptions.PriorityReservePercent"/> of each cap is kept for priority requests (from the call
/// sources or the rate limit's exempt sources, or inside a dialog), so a flood from anywhere else cannot shut out the
/// trunk's new calls nor the BYEs and re-INVITEs of calls in progress. A refused request gets a stateless 403 or
/// 503 + Retry-After (or nothing, per <see cref="SipSecurityOptions"/>) and allocates nothing.
/// </summary>
internal sealed class ServerTransactionAdmission(SipTransactionLayer layer)
{
    public bool Admit(SipRequest request, SipEndPoint remote)
    {
        var security = layer.Security;
        var source = remote.Address.Address;
        var startsCall = request.Method == SipMethods.Invite && request.To?.Tag is null;
        if (startsCall && !SipSourceList.Contains(security.CallSources, source))
        {
            layer.SecurityEvents?.CallSourceRefused(source);
            if (security.CallSourceRefusal == SipRefusal.Reject)
            {
                layer.SendStateless(SipResponseFactory.Create(request, SipStatusCodes.Forbidden, null, SipTransactionLayer.RandomToken(6)), remote);
            }

            return false;
        }

        var priority = IsPriority(security, request, source);
        var maxTransactions = Limit(security.MaxServerTransactions, security.PriorityReservePercent, priority);
        var maxBytes = Limit(security.MaxServerTransactionBytes, security.PriorityReservePercent, priority);
        var (cap, limit) = layer.ServerTransactionCount >= maxTransactions ? ("server transactions", (long)maxTransactions)
            : layer.ServerTransactionBytes + request.ReceivedSize > maxBytes ? ("server transaction bytes", maxBytes)
            : (null, 0L);
        if (cap is null)
        {
            return true;
        }

        layer.SecurityEvents?.CapacityRefused(source, cap, limit);
        if (security.CapacityRefusal == SipRefusal.Reject)
        {
            layer.SendStateless(SipTransactionLayer.ServiceUnavailable(request, security.RetryAfter), remote);
        }

        return false;
    }

    /// <summary>
    /// True for a request from a call source or an exempt source (the trunk, the SBC) and for a request inside a dialog
    /// (it has a To tag: BYE, re-INVITE, INFO of a call in progress; a forged one only competes for the reserve).
    /// </summary>
    private static bool IsPriority(SipSecurityOptions security, SipRequest request, IPAddress source) =>
        request.To?.Tag is not null || SipSourceList.Contains(security.CallSources, source) || SipSourceList.Contains(security.RateLimit.ExemptSources, source);

    private static int Limit(int cap, int reservePercent, bool priority) => priority ? cap : cap - (int)((long)cap * reservePercent / 100);

    private static long Limit(long cap, int reservePercent, bool priority) => priority ? cap : cap - (cap * reservePercent / 100);
}
