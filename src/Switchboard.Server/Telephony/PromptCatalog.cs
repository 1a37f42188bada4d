using Switchboard.Dialplan.Versions;
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
}
