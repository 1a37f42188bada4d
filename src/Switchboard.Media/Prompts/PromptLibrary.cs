using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Prompts;

/// <summary>
/// The prompts every call shares, per language, reloadable when a new dialplan version is deployed. Lookups go to the
/// <see cref="Current"/> <see cref="PromptSet"/>; <see cref="Reload"/> loads a new set and swaps it in atomically
/// (calls already playing keep the prompts they hold). Thread-safe.
/// </summary>
public sealed class PromptLibrary
{
    private PromptSet _current;

    /// <summary>Wraps an already loaded set.</summary>
    public PromptLibrary(PromptSet prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        _current = prompts;
    }

    /// <summary>The prompts in use now.</summary>
    public PromptSet Current => Volatile.Read(ref _current);

    /// <summary>Loads <paramref name="directory"/> (e.g. <c>dialplans/prompts</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="PromptLoadException">Some files are not playable; all are listed.</exception>
    public static PromptLibrary Load(string directory, string fallbackLanguage = PromptSet.DefaultFallbackLanguage) =>
        new(PromptSet.Load(directory, fallbackLanguage));

    /// <summary>
    /// Loads <paramref name="directory"/> (default: the current one) and makes it current. On error the old set stays
    /// in use and the exception tells what is wrong.
    /// </summary>
    /// <returns>The new set.</returns>
    public PromptSet Reload(string? directory = null)
    {
        var old = Current;
        var loaded = PromptSet.Load(directory ?? old.Directory, old.FallbackLanguage);
        Volatile.Write(ref _current, loaded);
        return loaded;
    }

    /// <inheritdoc cref="PromptSet.Get" />
    public Prompt Get(string name, string language) => Current.Get(name, language);

    /// <inheritdoc cref="PromptSet.TryGet" />
    public bool TryGet(string name, string language, [NotNullWhen(true)] out Prompt? prompt) =>
        Current.TryGet(name, language, out prompt);

    /// <summary>A player for the playlist <paramref name="names"/> in <paramref name="language"/>.</summary>
    /// <exception cref="PromptNotFoundException">A name is missing.</exception>
    public PromptPlayer CreatePlayer(string language, params IEnumerable<string> names) =>
        new(Current.Resolve(language, names));

    /// <summary>Music on hold (or another prompt) looped for one call.</summary>
    /// <exception cref="PromptNotFoundException">The name is missing.</exception>
    public LoopingSource CreateLoop(string name, string language, int startFrame = 0) =>
        new(Get(name, language), startFrame);
}
