using System.Buffers.Binary;

namespace Switchboard.LoadTool;

/// <summary>
/// Pacing of RTP as the receivers saw it: for consecutive packets of one flow (source port, destination port, SSRC)
/// the error is |arrival interval - RTP timestamp interval / 8 kHz| (RFC 3550 §6.4.1's transit difference D, taken
/// per packet pair). Sequence gaps count as lost packets (RFC 3550 §A.3, without reordering).
/// </summary>
public static class PacingAnalysis
{
    public static PacingReport Analyse(IEnumerable<UdpDatagram> datagrams, int minPort, int maxPort)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        var flows = new Dictionary<(int Source, int Destination), FlowState>();
        var errors = new List<double>();
        long packets = 0, lost = 0, first = long.MaxValue, last = long.MinValue;
        foreach (var d in datagrams)
        {
            var p = d.Payload;
            if (d.DestinationPort < minPort || d.DestinationPort > maxPort || p.Length < 12 || p[0] >> 6 != 2 || p[1] is >= 200 and <= 204)
            {
                continue;
            }

            packets++;
            first = Math.Min(first, d.TimeMicroseconds);
            last = Math.Max(last, d.TimeMicroseconds);
            var sequence = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(2));
            var timestamp = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(4));
            var ssrc = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8));
            var key = (d.SourcePort, d.DestinationPort);
            if (flows.TryGetValue(key, out var previous) && previous.Ssrc == ssrc)
            {
                var step = (ushort)(sequence - previous.Sequence);
                if (step is > 0 and < 1000)
                {
                    lost += step - 1;
                    var expectedMs = (uint)(timestamp - previous.Timestamp) / 8.0;
                    var actualMs = (d.TimeMicroseconds - previous.Time) / 1000.0;
                    if (expectedMs is > 0 and < 1000)
                    {
                        errors.Add(Math.Abs(actualMs - expectedMs));
                    }
                }
            }

            flows[key] = new FlowState(ssrc, sequence, timestamp, d.TimeMicroseconds);
        }

        errors.Sort();
        var seconds = packets > 1 ? (last - first) / 1e6 : 0;
        var over2 = errors.Count == 0 ? 0 : errors.Count(e => e > 2.0) * 100.0 / errors.Count;
        return new PacingReport(packets, flows.Count, seconds, seconds > 0 ? packets / seconds : 0, lost,
            Percentile.Of(errors, 0.50), Percentile.Of(errors, 0.99), errors.Count > 0 ? errors[^1] : double.NaN, over2);
    }

    private readonly record struct FlowState(uint Ssrc, ushort Sequence, uint Timestamp, long Time);
}
