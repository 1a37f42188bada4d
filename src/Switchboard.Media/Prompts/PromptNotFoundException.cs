namespace Switchboard.Media.Prompts;

/// <summary>A dialplan asked for a prompt name that exists in no folder searched; the message lists where it looked.</summary>
public sealed class PromptNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    public PromptNotFoundException(string name, string language, IReadOnlyList<string> searched)
        : base($"Prompt '{name}' not found for language '{language}' (looked in {string.Join(", ", searched)}).")
    {
        Name = name;
        Language = language;
    }

    /// <summary>The prompt name asked for.</summary>
    public string Name { get; }

    /// <summary>The language asked for.</summary>
    public string Language { get; }
}
