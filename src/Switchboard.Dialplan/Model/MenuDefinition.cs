namespace Switchboard.Dialplan.Model;

/// <summary>A menu: its prompts, its keys, and what happens on silence or wrong keys.</summary>
/// <param name="Id">Menu id, referenced as <c>menu:&lt;id&gt;</c>.</param>
/// <param name="Prompts">Prompt names played when the menu starts (and on repeat).</param>
/// <param name="Options">The keys. <c>*</c> repeats and <c>#</c> goes back unless the menu maps them itself.</param>
/// <param name="Timeout">How long to wait for a key after the prompts end.</param>
/// <param name="Retries">How many times no input or an invalid key replays the menu before <paramref name="Default"/>.</param>
/// <param name="Default">Where the caller goes when retries are exhausted.</param>
/// <param name="Location">Where the menu is written.</param>
public sealed record MenuDefinition(
    string Id,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<MenuOption> Options,
    TimeSpan Timeout,
    int Retries,
    DialplanAction Default,
    SourceLocation Location)
{
    /// <summary>The option for <paramref name="key"/>, or null.</summary>
    public MenuOption? Find(char key)
    {
        foreach (var option in Options)
        {
            if (option.Key == key)
            {
                return option;
            }
        }

        return null;
    }
}
