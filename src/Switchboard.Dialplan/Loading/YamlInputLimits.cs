namespace Switchboard.Dialplan.Loading;

/// <summary>
/// Bounds on a dialplan document, checked on the parser's event stream before the document is built into a tree, so a
/// hostile or broken document costs neither the stack nor unbounded memory.
/// </summary>
public sealed record YamlInputLimits
{
    /// <summary>Largest document in characters (1 MiB; the bundled dialplan is about 6 KiB).</summary>
    public int MaxCharacters { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (the bundled dialplan nests 6 deep).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most scalars, mappings, sequences and aliases in the document as written.</summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>Most nodes once every alias is expanded (what a reader walking the tree visits; stops "billion laughs").</summary>
    public long MaxExpandedNodes { get; init; } = 200_000;

    /// <summary>The defaults above.</summary>
    public static YamlInputLimits Default { get; } = new();
}
