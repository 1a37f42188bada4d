using System.Net;

namespace Switchboard.TestSupport;

/// <summary>
/// What <see cref="SippRunner"/> runs: one built-in (<c>-sn</c>) or file (<c>-sf</c>) scenario, on 127.0.0.1 only.
/// </summary>
public sealed record SippOptions
{
    /// <summary>A built-in scenario name (<c>uac</c>, <c>uas</c>, <c>uac_pcap</c>, ...): <c>-sn</c>.</summary>
    public string? Scenario { get; init; }

    /// <summary>A scenario XML file (see <see cref="SippScenarioFile"/>): <c>-sf</c>.</summary>
    public string? ScenarioFile { get; init; }

    /// <summary>The peer to call (a loopback address). Null for a scenario that only answers (<c>uas</c>).</summary>
    public IPEndPoint? Remote { get; init; }

    /// <summary>Local SIP port (<c>-p</c>); 0 picks a free one.</summary>
    public int LocalPort { get; init; }

    /// <summary>Stop after this many calls (<c>-m</c>).</summary>
    public int? Calls { get; init; }

    /// <summary>New calls per second (<c>-r</c>).</summary>
    public double? CallRate { get; init; }

    /// <summary>At most this many calls at once (<c>-l</c>).</summary>
    public int? CallLimit { get; init; }

    /// <summary>The user part of the request URI (<c>-s</c>).</summary>
    public string? Service { get; init; }

    /// <summary>Transport mode (<c>-t</c>): <c>u1</c> (UDP, one socket; the default), <c>un</c>, <c>t1</c> (TCP), <c>tn</c>.</summary>
    public string Transport { get; init; } = "u1";

    /// <summary>Local RTP port (<c>-mp</c>, with <c>-mi 127.0.0.1</c>); null leaves SIPp's default.</summary>
    public int? MediaPort { get; init; }

    /// <summary>Echo received RTP back (<c>-rtp_echo</c>).</summary>
    public bool RtpEcho { get; init; }

    /// <summary>Whole-run limit (<c>-timeout</c>, with <c>-timeout_error</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Scenario keywords (<c>-key name value</c>), used as <c>[name]</c> in scenario XML.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether to put a <c>pcap</c> symlink to /usr/share/sip-tester in the working directory.
    /// Null: only when the scenario plays pcap files (<c>uac_pcap</c> or a file mentioning <c>pcap/</c>).</summary>
    public bool? LinkPcapDirectory { get; init; }

    /// <summary>Further arguments passed as they are (after the generated ones).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
