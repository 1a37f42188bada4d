namespace Switchboard.Dialplan.Engine;

/// <summary>The last <see cref="PlayPrompts"/> finished playing (not sent for a stopped or looping play).</summary>
public sealed record PromptFinished : IvrEvent;
