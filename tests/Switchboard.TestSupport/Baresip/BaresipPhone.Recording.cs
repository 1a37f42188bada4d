namespace Switchboard.TestSupport;

/// <summary>Call recordings of <see cref="BaresipPhone"/> (sndfile module).</summary>
public sealed partial class BaresipPhone
{
    /// <summary>The recordings of what this phone heard (<c>dump-*-dec.wav</c>), oldest first.</summary>
    public IReadOnlyList<string> HeardRecordings() => ListRecordings("-dec.wav");

    /// <summary>The recordings of what this phone sent (<c>dump-*-enc.wav</c>), oldest first.</summary>
    public IReadOnlyList<string> SentRecordings() => ListRecordings("-enc.wav");

    /// <summary>
    /// Waits until the newest "heard" recording holds at least <paramref name="duration"/> of 8 kHz 16-bit audio
    /// (polling the file size) and returns its path.
    /// </summary>
    public async Task<string> WaitForHeardAudioAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (RecordingsDirectory is null)
        {
            throw new InvalidOperationException("this phone does not record: start it with BaresipOptions.Record = true");
        }

        var bytes = 44 + (long)(duration.TotalSeconds * 8000 * 2);
        return (await Eventually.UntilAsync(() => Task.FromResult(HeardRecordings().LastOrDefault()), latest => latest is not null && new FileInfo(latest).Length >= bytes,
            $"{Uri} heard {duration.TotalSeconds:0.#} s of audio", cancellationToken: cancellationToken).ConfigureAwait(false))!;
    }

    private List<string> ListRecordings(string suffix) =>
        RecordingsDirectory is null || !Directory.Exists(RecordingsDirectory)
            ? []
            : [.. Directory.EnumerateFiles(RecordingsDirectory, "dump-*" + suffix).Order(StringComparer.Ordinal)];
}
