namespace Switchboard.Dialplan.Engine;

/// <summary>
/// Play prompts (<c>&lt;lang&gt;/&lt;name&gt;.wav</c>) in order, replacing whatever plays. When <paramref name="Interruptible"/>,
/// a key stops playback. <paramref name="Loop"/> repeats forever (music on hold) and never sends <see cref="PromptFinished"/>.
/// </summary>
public sealed record PlayPrompts(IReadOnlyList<string> Prompts, string Language, bool Interruptible, bool Loop = false) : IvrCommand
{
    /// <inheritdoc />
    public override string ToString() => $"play [{string.Join(", ", Prompts)}] ({Language}{(Loop ? ", loop" : string.Empty)})";
}
