namespace Switchboard.Cli.Phone;

/// <summary>How one call of a built-in phone went.</summary>
/// <param name="Connected">True when the call was answered (either way).</param>
/// <param name="Status">The final SIP status of our INVITE, or 200 for an answered incoming call.</param>
/// <param name="EndedBy">"remote", "local" or a reason the call never connected.</param>
/// <param name="Recorded">Length of the recording written, if any.</param>
/// <param name="RecordingPath">The recording's file, if any.</param>
internal sealed record PhoneCallResult(bool Connected, int Status, string EndedBy, TimeSpan Recorded, string? RecordingPath);
