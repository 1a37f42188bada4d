namespace Switchboard.Dialplan.Model;

/// <summary>What callers hear and what happens when closed, at lunch or on a holiday.</summary>
public sealed record ClosedHandling(IReadOnlyList<string> Prompts, DialplanAction Action, SourceLocation Location);
