using System.Globalization;

namespace Switchboard.LoadTool;

/// <summary>
/// <c>audio FILE SECONDS</c>: raw G.711 mu-law caller audio (a quiet 300 Hz tone) for SIPp's <c>rtp_stream</c>.
/// <c>pacing CAPTURE.pcap MINPORT MAXPORT</c>: RTP arrivals at the callers' ports (destination port in the range),
/// per flow inter-arrival error against 20 ms. <c>rtt FILE...</c>: percentiles of SIPp <c>-trace_rtt</c> files.
/// <c>agents API_URL SIGNING_KEY COUNT QUEUE PHONE_HOST:PORT READY_FILE</c>: COUNT agents who accept every offer
/// (bridged-call load), until SIGTERM. <c>relay COUNT PEER_BASE STREAMS_FILE READY_FILE</c>: COUNT calls bridged by an
/// in-process media engine for the relay comparison (<see cref="RelayHost"/>), until SIGTERM.
/// <c>rtpengine NG_PORT COUNT PEER_BASE STREAMS_FILE</c>: the same calls set up in rtpengine (<see cref="RtpengineControl"/>).
/// Results are printed as <c>key=value</c> lines.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["audio", var file, var seconds] => Audio(file, double.Parse(seconds, CultureInfo.InvariantCulture)),
                ["pacing", var capture, var min, var max] => Pacing(capture, int.Parse(min, CultureInfo.InvariantCulture), int.Parse(max, CultureInfo.InvariantCulture)),
                ["rtt", .. var files] when files.Length > 0 => ResponseTimes(files),
                ["agents", var api, var key, var count, var queue, var phone, var ready] =>
                    Agents(new Uri(api), key, int.Parse(count, CultureInfo.InvariantCulture), queue, phone, ready),
                ["relay", var count, var peerBase, var streams, var ready] =>
                    RelayHost.Run(int.Parse(count, CultureInfo.InvariantCulture), int.Parse(peerBase, CultureInfo.InvariantCulture), streams, ready),
                ["rtpengine", var ngPort, var count, var peerBase, var streams] => RtpengineControl.Run(int.Parse(ngPort, CultureInfo.InvariantCulture),
                    int.Parse(count, CultureInfo.InvariantCulture), int.Parse(peerBase, CultureInfo.InvariantCulture), streams),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"loadtool: {ex.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: loadtool audio FILE SECONDS | pacing CAPTURE.pcap MINPORT MAXPORT | rtt FILE... | "
            + "agents API_URL SIGNING_KEY COUNT QUEUE PHONE_HOST:PORT READY_FILE | relay COUNT PEER_BASE STREAMS_FILE READY_FILE | "
            + "rtpengine NG_PORT COUNT PEER_BASE STREAMS_FILE");
        return 2;
    }

    private static int Agents(Uri api, string key, int count, string queue, string phone, string readyFile)
    {
        using var stop = new CancellationTokenSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return new LoadAgents(api, key, count, queue, phone).RunAsync(readyFile, stop.Token).GetAwaiter().GetResult();
        }
        catch (Grpc.Core.RpcException ex)
        {
            Console.Error.WriteLine($"loadtool agents: {ex.Status.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }

    private static int Audio(string file, double seconds)
    {
        File.WriteAllBytes(file, MuLaw.Tone(300, 0.1, (int)(seconds * 8000)));
        return 0;
    }

    private static int Pacing(string capture, int minPort, int maxPort)
    {
        var report = PacingAnalysis.Analyse(PcapFile.ReadUdp(capture), minPort, maxPort);
        report.Print(Console.Out);
        return 0;
    }

    private static int ResponseTimes(string[] files)
    {
        var samples = new List<double>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                // Date_ms;response_time_ms;rtd_no
                var parts = line.Split(';');
                if (parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    samples.Add(ms);
                }
            }
        }

        samples.Sort();
        var output = Console.Out;
        output.WriteLine(FormattableString.Invariant($"setup_samples={samples.Count}"));
        output.WriteLine(FormattableString.Invariant($"setup_p50_ms={Percentile.Of(samples, 0.50):0.###}"));
        output.WriteLine(FormattableString.Invariant($"setup_p99_ms={Percentile.Of(samples, 0.99):0.###}"));
        output.WriteLine(FormattableString.Invariant($"setup_max_ms={(samples.Count > 0 ? samples[^1] : double.NaN):0.###}"));
        return 0;
    }
}
