using System.Globalization;
using System.Text;

namespace Switchboard.TestSupport.Otlp;

/// <summary>
/// Decodes an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> body by field number (OTLP trace data model:
/// request.resource_spans = 1; ResourceSpans.scope_spans = 2; ScopeSpans.scope = 1, spans = 2; Scope.name = 1;
/// Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9, events 11; KeyValue: key 1, value 2;
/// AnyValue: string 1, bool 2, int 3, double 4; Event.name 2).
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtobufReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                ResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip();
            }
        }

        return spans;
    }

    private static void ResourceSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            if (reader.Field == 2 && reader.WireType == 2)
            {
                ScopeSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ScopeSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var scope = string.Empty;
        var raw = new List<byte[]>();
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                scope = StringField(reader.ReadBytes(), 1); // InstrumentationScope.name
            }
            else if (reader.Field == 2 && reader.WireType == 2)
            {
                raw.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip();
            }
        }

        spans.AddRange(raw.Select(span => Span(span, scope)));
    }

    /// <summary>The first length-delimited field <paramref name="field"/> of a message as UTF-8 text (empty when absent).</summary>
    private static string StringField(ReadOnlySpan<byte> data, int field)
    {
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            if (reader.Field == field && reader.WireType == 2)
            {
                return Encoding.UTF8.GetString(reader.ReadBytes());
            }

            reader.Skip();
        }

        return string.Empty;
    }

    private static OtlpSpan Span(ReadOnlySpan<byte> data, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new List<string>();
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 2):
                    traceId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case (2, 2):
                    spanId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case (4, 2):
                    var p = reader.ReadBytes();
                    parent = p.IsEmpty ? null : Convert.ToHexStringLower(p);
                    break;
                case (5, 2):
                    name = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                case (6, 0):
                    kind = (int)reader.ReadVarint();
                    break;
                case (9, 2):
                    var (key, value) = KeyValue(reader.ReadBytes());
                    attributes[key] = value;
                    break;
                case (11, 2):
                    events.Add(StringField(reader.ReadBytes(), 2)); // Event.name
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, kind, scope, attributes, events);
    }

    private static (string Key, string Value) KeyValue(ReadOnlySpan<byte> data)
    {
        string key = "", value = "";
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (reader.Field == 2 && reader.WireType == 2)
            {
                value = AnyValue(reader.ReadBytes());
            }
            else
            {
                reader.Skip();
            }
        }

        return (key, value);
    }

    private static string AnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 2):
                    return Encoding.UTF8.GetString(reader.ReadBytes());
                case (2, 0):
                    return reader.ReadVarint() != 0 ? "true" : "false";
                case (3, 0):
                    return ((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture);
                case (4, 1):
                    return BitConverter.UInt64BitsToDouble(reader.ReadFixed64()).ToString(CultureInfo.InvariantCulture);
                default:
                    reader.Skip();
                    break;
            }
        }

        return string.Empty;
    }
}
