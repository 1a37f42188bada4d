using System.Net;

namespace Switchboard.TestSupport;

/// <summary>How a <see cref="BaresipPhone"/> is configured. Everything listens on 127.0.0.1 only.</summary>
public sealed record BaresipOptions
{
    /// <summary>The user part of the phone's address of record.</summary>
    public string User { get; init; } = "phone";

    /// <summary>Answer incoming calls at once (<c>;answermode=auto</c>), as an agent phone does.</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>Local SIP port (UDP and TCP); 0 picks a free one.</summary>
    public int SipPort { get; init; }

    /// <summary>Frequency of the sine the phone sends (<c>ausine</c>), when <see cref="AudioFile"/> is null.</summary>
    public int SineFrequency { get; init; } = 440;

    /// <summary>An 8 kHz mono WAV file to send instead of a sine (<c>aufile</c>); baresip hangs up when it ends.</summary>
    public string? AudioFile { get; init; }

    /// <summary>Record each call (<c>sndfile</c>): <c>dump-*-dec.wav</c> (heard) and <c>-enc.wav</c> (sent).</summary>
    public bool Record { get; init; }

    /// <summary>Where recordings go; null: a directory inside the phone's temp config directory (deleted on dispose).</summary>
    public string? RecordingsDirectory { get; init; }

    /// <summary>A registrar to REGISTER with (loopback only); null: no registration (<c>regint=0</c>).</summary>
    public IPEndPoint? Registrar { get; init; }

    /// <summary>Digest credentials for the registrar or for challenged INVITEs.</summary>
    public string? AuthUser { get; init; }

    public string? Password { get; init; }

    /// <summary>Registration interval when <see cref="Registrar"/> is set.</summary>
    public TimeSpan RegisterInterval { get; init; } = TimeSpan.FromSeconds(60);
}
