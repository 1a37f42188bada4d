using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgents;

/// <summary>Handles out-of-dialog requests of one method for the UA core, e.g. REGISTER by <c>SipRegistrar</c>.</summary>
public interface ISipRequestHandler
{
    /// <summary>Must send a final response on <paramref name="transaction"/>.</summary>
    Task HandleAsync(SipServerTransaction transaction, CancellationToken cancellationToken);
}
