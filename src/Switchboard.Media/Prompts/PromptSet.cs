using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Prompts;

/// <summary>
/// An immutable snapshot of a prompt directory: <c>&lt;dir&gt;/&lt;lang&gt;/&lt;name&gt;.wav</c> per language
/// (sv, en, ...) and language-independent <c>&lt;dir&gt;/&lt;name&gt;.wav</c> (music_on_hold). A name is looked up in the
/// caller's language, then in the fallback language (sv), then among the shared files.
/// </summary>
public sealed class PromptSet
{
    /// <summary>The language used when a prompt is missing in the caller's language.</summary>
    public const string DefaultFallbackLanguage = "sv";

    private readonly FrozenDictionary<string, FrozenDictionary<string, Prompt>> _languages;
    private readonly FrozenDictionary<string, Prompt> _shared;

    private PromptSet(
        string directory,
        string fallbackLanguage,
        FrozenDictionary<string, FrozenDictionary<string, Prompt>> languages,
        FrozenDictionary<string, Prompt> shared)
    {
        Directory = directory;
        FallbackLanguage = fallbackLanguage;
        _languages = languages;
        _shared = shared;
    }

    /// <summary>The directory the prompts came from.</summary>
    public string Directory { get; }

    /// <summary>The language tried when the caller's language lacks a prompt.</summary>
    public string FallbackLanguage { get; }

    /// <summary>The languages found (sub-directory names, lower case).</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>The language-independent prompts (WAV files directly in <see cref="Directory"/>).</summary>
    public IReadOnlyCollection<string> SharedNames => _shared.Keys;

    /// <summary>Loads every <c>*.wav</c> under <paramref name="directory"/> (one level of language folders).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="PromptLoadException">One or more files are not playable WAV files; all are listed.</exception>
    public static PromptSet Load(string directory, string fallbackLanguage = DefaultFallbackLanguage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackLanguage);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Prompt directory {full} does not exist.");
        }

        var errors = new List<string>();
        var shared = LoadFolder(full, errors);
        var languages = new Dictionary<string, FrozenDictionary<string, Prompt>>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in System.IO.Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            languages[Path.GetFileName(folder).ToLowerInvariant()] = LoadFolder(folder, errors);
        }

        if (errors.Count > 0)
        {
            throw new PromptLoadException(full, errors);
        }

        return new PromptSet(
            full,
            fallbackLanguage.ToLowerInvariant(),
            languages.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            shared);
    }

    /// <summary>Names available in <paramref name="language"/>'s own folder (no fallback).</summary>
    public IReadOnlyCollection<string> Names(string language) =>
        _languages.TryGetValue(language, out var prompts) ? prompts.Keys : [];

    /// <summary>True when <paramref name="name"/> resolves for <paramref name="language"/> (with fallback).</summary>
    public bool Contains(string name, string language) => TryGet(name, language, out _);

    /// <summary>Finds <paramref name="name"/> for <paramref name="language"/>: own folder, fallback language, shared.</summary>
    public bool TryGet(string name, string language, [NotNullWhen(true)] out Prompt? prompt)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(language);
        if ((_languages.TryGetValue(language, out var own) && own.TryGetValue(name, out prompt))
            || (_languages.TryGetValue(FallbackLanguage, out var fallback) && fallback.TryGetValue(name, out prompt))
            || _shared.TryGetValue(name, out prompt))
        {
            return true;
        }

        prompt = null;
        return false;
    }

    /// <summary>Finds <paramref name="name"/> for <paramref name="language"/>, with fallback.</summary>
    /// <exception cref="PromptNotFoundException">No folder has it; the message lists the folders searched.</exception>
    public Prompt Get(string name, string language)
    {
        if (TryGet(name, language, out var prompt))
        {
            return prompt;
        }

        string[] searched = [Path.Combine(Directory, language), Path.Combine(Directory, FallbackLanguage), Directory];
        throw new PromptNotFoundException(name, language, [.. searched.Distinct()]);
    }

    /// <summary>
    /// The <c>&lt;lang&gt;/&lt;name&gt;</c> pairs that do not resolve (even with fallback), for validating a dialplan
    /// before it is put in use. Empty when everything is there.
    /// </summary>
    public IReadOnlyList<string> FindMissing(IEnumerable<string> names, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(languages);
        var nameList = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. languages.SelectMany(l => nameList.Where(n => !Contains(n, l)).Select(n => $"{l}/{n}"))];
    }

    /// <summary>Resolves a playlist of names for <paramref name="language"/>.</summary>
    /// <exception cref="PromptNotFoundException">A name is missing.</exception>
    public Prompt[] Resolve(string language, IEnumerable<string> names) => [.. names.Select(n => Get(n, language))];

    private static FrozenDictionary<string, Prompt> LoadFolder(string folder, List<string> errors)
    {
        var prompts = new Dictionary<string, Prompt>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in System.IO.Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(file);
            try
            {
                prompts[name] = Prompt.FromFile(name, file);
            }
            catch (Exception e) when (e is WavFormatException or IOException or UnauthorizedAccessException)
            {
                errors.Add(e.Message);
            }
        }

        return prompts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
