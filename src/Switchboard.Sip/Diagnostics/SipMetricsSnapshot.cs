namespace Switchboard.Sip.Diagnostics;

/// <summary>A consistent-enough copy of <see cref="SipTransactionMetrics"/> at one moment (each counter read once, atomically).</summary>
public sealed record SipMetricsSnapshot
{
    /// <summary>Messages received that parsed and validated (requests and responses; keep-alives not counted).</summary>
    public long MessagesParsed { get; init; }

    /// <summary>Messages received and dropped or answered 400/505 because they were malformed; a TCP connection closed for broken framing counts once.</summary>
    public long MessagesMalformed { get; init; }

    /// <summary>CRLF keep-alive datagrams received over UDP (RFC 5626 §3.5.1); TCP pings are answered by the connection and not counted.</summary>
    public long KeepAlives { get; init; }

    /// <summary>Client transactions started (requests we sent, CANCEL included, ACK excluded).</summary>
    public long ClientTransactionsStarted { get; init; }

    /// <summary>Server transactions started (requests we received that created a transaction; ACK excluded).</summary>
    public long ServerTransactionsStarted { get; init; }

    /// <summary>Server INVITE transactions whose 3xx-6xx was never acknowledged (timer H fired, RFC 3261 §17.2.1).</summary>
    public long AckTimeouts { get; init; }

    /// <summary>Ended transactions by side, method and outcome; only non-zero rows, in a stable order.</summary>
    public IReadOnlyList<SipTransactionCount> Transactions { get; init; } = [];

    /// <summary>The count of one row, 0 when absent.</summary>
    public long Count(string side, string method, string outcome)
    {
        foreach (var row in Transactions)
        {
            if (row.Side == side && row.Method == method && row.Outcome == outcome)
            {
                return row.Count;
            }
        }

        return 0;
    }
}
