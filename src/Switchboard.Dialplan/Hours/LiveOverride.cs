namespace Switchboard.Dialplan.Hours;

/// <summary>A supervisor's live override: force open or closed until <paramref name="Until"/> (null: until removed).</summary>
public sealed record LiveOverride(bool Open, DateTimeOffset? Until);
