namespace Switchboard.Calls.States;

/// <summary>A prompt the call flow plays itself (transfer, closed, callback hello); <paramref name="Then"/> says what follows it.</summary>
public sealed record Announcement(int PlaybackId, AfterAnnouncement Then) : CallerAudio;
