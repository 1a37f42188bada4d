namespace Switchboard.Api.Dialplans;

/// <summary>One validation finding about a dialplan text.</summary>
/// <param name="IsError">True for an error (publishing refused), false for a warning.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record DialplanFinding(bool IsError, string Message, int Line, int Column);
