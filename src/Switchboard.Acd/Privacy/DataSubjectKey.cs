namespace Switchboard.Acd.Privacy;

/// <summary>One Redis key that holds a data subject's number, and how it holds it.</summary>
/// <param name="Key">The key name.</param>
/// <param name="Kind"><c>key name</c> (the number is in the name), <c>callback</c> (fields <c>number</c>/<c>caller</c>), <c>call</c> (a waiting or live call).</param>
/// <param name="Open">For a callback: true while it is not closed (cancel it before deleting).</param>
public sealed record DataSubjectKey(string Key, string Kind, bool Open = false);
