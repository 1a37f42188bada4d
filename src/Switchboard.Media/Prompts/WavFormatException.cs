namespace Switchboard.Media.Prompts;

/// <summary>A WAV file that Switchboard cannot play; the message names the file and what is wrong with it.</summary>
public sealed class WavFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="fileName"/> (a path, or another name for the data).</summary>
    public WavFormatException(string fileName, string problem)
        : base($"{fileName}: {problem}. Prompts must be {WavReader.Formats}.")
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file (or name) that was read.</summary>
    public string FileName { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
