using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>Reading what a baresip phone heard: the newest recording's growth and its last part.</summary>
internal static class HeardAudio
{
    /// <summary>The last <paramref name="length"/> of <paramref name="audio"/> (all of it when shorter).</summary>
    public static PcmRecording Tail(PcmRecording audio, TimeSpan length)
    {
        var n = Math.Min(audio.Samples.Length, (int)(audio.SampleRate * length.TotalSeconds));
        return audio with { Samples = audio.Samples[^n..] };
    }

    /// <summary>The size in bytes of the phone's newest heard recording (0 when none yet).</summary>
    public static long CurrentLength(BaresipPhone phone) =>
        phone.HeardRecordings() is [.., var last] ? new FileInfo(last).Length : 0;

    /// <summary>Completes when the newest recording has grown by <paramref name="duration"/> of 8 kHz 16-bit audio past <paramref name="mark"/>.</summary>
    public static async Task WaitForMoreAudioAsync(BaresipPhone phone, long mark, TimeSpan duration)
    {
        var bytes = mark + (long)(duration.TotalSeconds * 8000 * 2);
        await Eventually.UntilAsync(() => CurrentLength(phone) >= bytes, $"{phone.Uri} heard {duration.TotalSeconds:0.#} s more audio");
    }

    /// <summary>
    /// Waits until the last second <paramref name="phone"/> heard satisfies <paramref name="condition"/>, reading each new
    /// second of its newest recording (a phone may start a new one when the media is renegotiated, e.g. after hold), within
    /// <paramref name="timeout"/>; fails with what it heard last.
    /// </summary>
    public static async Task<PcmRecording> WaitUntilHeardAsync(BaresipPhone phone, Func<PcmRecording, bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(condition);
        const long second = 8000 * 2;
        PcmRecording? heard = null;
        var (file, mark) = Newest(phone);

        // Each check reads the newest second once it is complete (a new recording starts from its beginning).
        var (reached, _) = await Eventually.TryUntilAsync(() =>
        {
            var (now, length) = Newest(phone);
            if (now != file)
            {
                (file, mark) = (now, 0);
            }

            if (now is null || length < mark + second)
            {
                return Task.FromResult(false);
            }

            heard = Tail(PcmRecording.Read(now), TimeSpan.FromSeconds(1));
            mark = length;
            return Task.FromResult(condition(heard));
        }, held => held, timeout).ConfigureAwait(false);
        return reached
            ? heard!
            : throw new TimeoutException($"never heard {what} within {timeout.TotalSeconds:0} s (recording {file}, last second: RMS {heard?.Rms():0})");
    }

    private static (string? File, long Length) Newest(BaresipPhone phone) =>
        phone.HeardRecordings() is [.., var last] ? (last, new FileInfo(last).Length) : (null, 0);
}
