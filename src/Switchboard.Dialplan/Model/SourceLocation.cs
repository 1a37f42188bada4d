namespace Switchboard.Dialplan.Model;

/// <summary>Where a value was written in a dialplan file (1-based line and column).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for values that were not read from a file.</summary>
    public static SourceLocation None => new(string.Empty, 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
