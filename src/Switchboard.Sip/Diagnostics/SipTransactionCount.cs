namespace Switchboard.Sip.Diagnostics;

/// <summary>
/// How many transactions of one side and method ended with one outcome (a row of <see cref="SipMetricsSnapshot.Transactions"/>).
/// The strings are ready to be Prometheus label values.
/// </summary>
/// <param name="Side">"client" (we sent the request, RFC 3261 §17.1) or "server" (we received it, §17.2).</param>
/// <param name="Method">The request method (INVITE, BYE, ...), or "other" for methods outside <see cref="SipTransactionMetrics.Methods"/>.</param>
/// <param name="Outcome">
/// "2xx" to "6xx": the class of the first final response (received on the client side, sent on the server side);
/// "timeout": timer B or F fired before any final response (client side only);
/// "transport_error": the request could not be sent (client side only, RFC 3261 §8.1.3.1).
/// </param>
/// <param name="Count">Transactions counted since the stack started.</param>
public readonly record struct SipTransactionCount(string Side, string Method, string Outcome, long Count);
