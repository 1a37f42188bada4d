using System.Diagnostics.Metrics;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Diagnostics;

/// <summary>
/// Thread-safe counters of one SIP stack (transport and transaction layer): messages parsed and malformed, transactions
/// started, and transactions ended by side, method and final status class (RFC 3261 §17). Counting is one
/// <see cref="Interlocked.Increment(ref long)"/> on a preallocated array; <see cref="Publish"/> makes them observable
/// counters for <c>/metrics</c> (read when the exporter collects); the properties and <see cref="Count"/> read them now.
/// </summary>
public sealed class SipTransactionMetrics
{
    /// <summary>Label for transactions we started (RFC 3261 §17.1).</summary>
    public const string ClientSide = "client";

    /// <summary>Label for transactions a peer started (RFC 3261 §17.2).</summary>
    public const string ServerSide = "server";

    /// <summary>Outcome label when timer B or F fired before a final response.</summary>
    public const string TimeoutOutcome = "timeout";

    /// <summary>Outcome label when the request could not be sent.</summary>
    public const string TransportErrorOutcome = "transport_error";

    /// <summary>Method label for every method not in <see cref="Methods"/>.</summary>
    public const string OtherMethod = "other";

    /// <summary>Methods counted under their own name; everything else is <see cref="OtherMethod"/>.</summary>
    public static readonly IReadOnlyList<string> Methods =
    [
        SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Options, SipMethods.Register,
        SipMethods.Info, SipMethods.Refer, SipMethods.Notify, SipMethods.Subscribe, SipMethods.Update, SipMethods.Prack,
        SipMethods.Message, OtherMethod,
    ];

    /// <summary>Outcome labels in index order.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["2xx", "3xx", "4xx", "5xx", "6xx", TimeoutOutcome, TransportErrorOutcome];

    private const int TimeoutIndex = 5;
    private const int TransportErrorIndex = 6;
    private const int OutcomeCount = 7;

    private readonly long[] _client = new long[14 * OutcomeCount];
    private readonly long[] _server = new long[14 * OutcomeCount];
    private long _parsed;
    private long _malformed;
    private long _keepAlives;
    private long _clientStarted;
    private long _serverStarted;
    private long _ackTimeouts;

    /// <summary>Messages that parsed and validated.</summary>
    public long MessagesParsed => Interlocked.Read(ref _parsed);

    /// <summary>Messages dropped or rejected as malformed.</summary>
    public long MessagesMalformed => Interlocked.Read(ref _malformed);

    /// <summary>CRLF keep-alives received (RFC 5626 §4.4.1).</summary>
    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    /// <summary>Client transactions started (RFC 3261 §17.1).</summary>
    public long ClientTransactionsStarted => Interlocked.Read(ref _clientStarted);

    /// <summary>Server transactions started (RFC 3261 §17.2).</summary>
    public long ServerTransactionsStarted => Interlocked.Read(ref _serverStarted);

    /// <summary>INVITE server transactions whose final response was never acknowledged (timer H fired).</summary>
    public long AckTimeouts => Interlocked.Read(ref _ackTimeouts);

    /// <summary>Transactions ended on <paramref name="side"/> for <paramref name="method"/> with <paramref name="outcome"/> (a label of <see cref="Outcomes"/>).</summary>
    public long Count(string side, string method, string outcome)
    {
        for (var o = 0; o < OutcomeCount; o++)
        {
            if (Outcomes[o] == outcome)
            {
                return Interlocked.Read(ref Counters(side)[Index(method, o)]);
            }
        }

        return 0;
    }

    /// <summary>Transactions ended on <paramref name="side"/>, whatever the method and outcome.</summary>
    public long Ended(string side)
    {
        var counters = Counters(side);
        var total = 0L;
        for (var i = 0; i < counters.Length; i++)
        {
            total += Interlocked.Read(ref counters[i]);
        }

        return total;
    }

    /// <summary>
    /// Creates observable counters over these counts on <paramref name="meter"/>: <c>switchboard.sip.messages</c>
    /// (result), <c>switchboard.sip.transactions_started</c> (side) and <c>switchboard.sip.transactions</c> (side, method, result).
    /// </summary>
    public void Publish(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableCounter("switchboard.sip.messages", () => new[]
        {
            new Measurement<long>(MessagesParsed, Tag("result", "parsed")),
            new Measurement<long>(MessagesMalformed, Tag("result", "malformed")),
        }, "{message}", "SIP messages received by this node, by result (parsed or malformed).");
        meter.CreateObservableCounter("switchboard.sip.transactions_started", () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref _clientStarted), Tag("side", ClientSide)),
            new Measurement<long>(Interlocked.Read(ref _serverStarted), Tag("side", ServerSide)),
        }, "{transaction}", "SIP transactions started on this node, by side.");
        meter.CreateObservableCounter("switchboard.sip.transactions", ObserveTransactions, "{transaction}",
            "SIP transactions ended on this node, by side, method and result (final response class, timeout, transport_error).");
    }

    internal void MessageParsed() => Interlocked.Increment(ref _parsed);

    internal void MessageMalformed() => Interlocked.Increment(ref _malformed);

    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);

    internal void ClientStarted() => Interlocked.Increment(ref _clientStarted);

    internal void ServerStarted() => Interlocked.Increment(ref _serverStarted);

    internal void AckTimeout() => Interlocked.Increment(ref _ackTimeouts);

    /// <summary>A client transaction got its first final response (possibly made up locally, see the overloads).</summary>
    internal void ClientCompleted(string method, int status) => Interlocked.Increment(ref _client[Index(method, StatusIndex(status))]);

    internal void ClientTimedOut(string method) => Interlocked.Increment(ref _client[Index(method, TimeoutIndex)]);

    internal void ClientTransportError(string method) => Interlocked.Increment(ref _client[Index(method, TransportErrorIndex)]);

    /// <summary>A server transaction sent its final response.</summary>
    internal void ServerCompleted(string method, int status) => Interlocked.Increment(ref _server[Index(method, StatusIndex(status))]);

    private static int StatusIndex(int status) => Math.Clamp(status / 100, 2, 6) - 2;

    private static int Index(string method, int outcome)
    {
        var m = method switch
        {
            SipMethods.Invite => 0,
            SipMethods.Ack => 1,
            SipMethods.Bye => 2,
            SipMethods.Cancel => 3,
            SipMethods.Options => 4,
            SipMethods.Register => 5,
            SipMethods.Info => 6,
            SipMethods.Refer => 7,
            SipMethods.Notify => 8,
            SipMethods.Subscribe => 9,
            SipMethods.Update => 10,
            SipMethods.Prack => 11,
            SipMethods.Message => 12,
            _ => 13,
        };
        return (m * OutcomeCount) + outcome;
    }

    private long[] Counters(string side) => side switch
    {
        ClientSide => _client,
        ServerSide => _server,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "client or server"),
    };

    private IEnumerable<Measurement<long>> ObserveTransactions()
    {
        foreach (var (side, counters) in new[] { (ClientSide, _client), (ServerSide, _server) })
        {
            for (var i = 0; i < counters.Length; i++)
            {
                var n = Interlocked.Read(ref counters[i]);
                if (n != 0)
                {
                    yield return new Measurement<long>(n, Tag("side", side), Tag("method", Methods[i / OutcomeCount]), Tag("result", Outcomes[i % OutcomeCount]));
                }
            }
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
