using Switchboard.Dialplan.Versions;
using Switchboard.Media.Playback;
using Switchboard.Media.Prompts;

namespace Switchboard.Server.Telephony;

/// <summary>The prompts of the dialplan's prompt folder (<c>prompt_dir</c>), loaded once and shared by all calls.</summary>
public sealed class PromptCatalog
{
    public PromptCatalog(DialplanRegistry dialplans)
    {
        ArgumentNullException.ThrowIfNull(dialplans);
        var current = dialplans.Current;
        Library = PromptLibrary.Load(current.PromptDirectory, current.DefaultLanguage);
    }

    /// <summary>The shared library.</summary>
    public PromptLibrary Library { get; }

    /// <summary>
    /// A source playing <paramref name="prompts"/> in order (one prompt with <paramref name="loop"/>: forever). A missing
    /// prompt must not stall a call: it gives an empty player (finished at the next tick) and <paramref name="missing"/> says why.
    /// </summary>
    public IAudioSource CreateSource(IReadOnlyList<string> prompts, string language, bool loop, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        missing = null;
        try
        {
            return loop && prompts.Count == 1 ? Library.CreateLoop(prompts[0], language) : Library.CreatePlayer(language, prompts);
        }
        catch (PromptNotFoundException ex)
        {
            missing = ex.Message;
            return new PromptPlayer();
        }
    }
}
