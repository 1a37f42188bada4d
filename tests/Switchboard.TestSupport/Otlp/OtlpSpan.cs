namespace Switchboard.TestSupport.Otlp;

/// <summary>One span as an OTLP receiver got it (the fields the tests read).</summary>
/// <param name="TraceId">Trace id, lower-case hex.</param>
/// <param name="SpanId">Span id, lower-case hex.</param>
/// <param name="ParentSpanId">Parent span id, or null for a root span.</param>
/// <param name="Name">The span name.</param>
/// <param name="Kind">OTLP SpanKind (1 internal, 2 server, 3 client, 4 producer, 5 consumer).</param>
/// <param name="Scope">The instrumentation scope (the ActivitySource name).</param>
/// <param name="Attributes">Attributes as text.</param>
/// <param name="Events">Names of the span's events, in order.</param>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    string Scope,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Events);
