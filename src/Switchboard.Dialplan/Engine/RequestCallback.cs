namespace Switchboard.Dialplan.Engine;

/// <summary>
/// The caller accepted a callback to <paramref name="Number"/>. With <paramref name="KeepPlace"/> the queued call becomes a
/// callback that keeps its place in <paramref name="QueueId"/>; without, it is a callback request (e.g. after hours).
/// </summary>
public sealed record RequestCallback(string? QueueId, string Number, bool KeepPlace) : IvrCommand;
