namespace Switchboard.Acd.Live;

/// <summary>One dated exception of a live hours override (a closed day or special hours).</summary>
/// <param name="Date"><c>yyyy-MM-dd</c>.</param>
/// <param name="Closed">Closed all day.</param>
/// <param name="Hours">Ranges (<c>HH:mm-HH:mm</c>) when not closed.</param>
/// <param name="Prompts">Prompts played on that day.</param>
/// <param name="Note">Free text for supervisors.</param>
public sealed record LiveDatedException(string Date, bool Closed, IReadOnlyList<string> Hours, IReadOnlyList<string> Prompts, string Note);
