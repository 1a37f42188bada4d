using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Hours;

/// <summary>A dated exception: closed all day, or open only during <paramref name="Hours"/>; optionally with its own prompt.</summary>
public sealed record DatedException(DateOnly Date, bool Closed, IReadOnlyList<TimeRange> Hours, IReadOnlyList<string> Prompts, string? Note, SourceLocation Location);
