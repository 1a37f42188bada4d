namespace Switchboard.Acd.Live;

/// <summary>One weekly opening range of a live hours override.</summary>
/// <param name="IsoWeekday">1 (Monday) to 7 (Sunday).</param>
/// <param name="Range"><c>HH:mm-HH:mm</c>.</param>
public sealed record LiveWeeklyRange(int IsoWeekday, string Range);
