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
        while (CurrentLength(phone) < bytes)
        {
            await Task.Delay(50);
        }
    }
}
