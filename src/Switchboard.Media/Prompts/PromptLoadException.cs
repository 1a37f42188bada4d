namespace Switchboard.Media.Prompts;

/// <summary>A prompt directory could not be loaded; <see cref="Errors"/> names every bad file.</summary>
public sealed class PromptLoadException : FormatException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public PromptLoadException(string directory, IReadOnlyList<string> errors)
        : base($"Prompt directory {directory} has {errors.Count} unusable file(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Directory = directory;
        Errors = errors;
    }

    /// <summary>The directory loaded.</summary>
    public string Directory { get; }

    /// <summary>One message per bad file.</summary>
    public IReadOnlyList<string> Errors { get; }
}
