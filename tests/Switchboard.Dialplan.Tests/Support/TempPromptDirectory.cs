namespace Switchboard.Dialplan.Tests.Support;

/// <summary>A temporary prompt directory with tiny WAV files <c>sv/&lt;name&gt;.wav</c>.</summary>
internal sealed class TempPromptDirectory : IDisposable
{
    public TempPromptDirectory(IEnumerable<string> names, string language = "sv")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sb-prompts-" + Guid.NewGuid().ToString("N"));
        var dir = System.IO.Path.Combine(Path, language);
        Directory.CreateDirectory(dir);
        foreach (var name in names)
        {
            // A 44-byte RIFF header with no samples: enough for an existence check.
            var header = new byte[44];
            "RIFF"u8.CopyTo(header);
            "WAVE"u8.CopyTo(header.AsSpan(8));
            File.WriteAllBytes(System.IO.Path.Combine(dir, name + ".wav"), header);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
