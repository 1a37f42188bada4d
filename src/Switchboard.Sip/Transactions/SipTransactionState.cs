namespace Switchboard.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 (figures 5-8), plus Accepted of RFC 6026 §7.</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
