using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Reads prompt references and checks that <c>&lt;dir&gt;/&lt;lang&gt;/&lt;name&gt;.wav</c> exists for every language.</summary>
internal sealed class PromptChecker(YamlContext context, string directory, IReadOnlyList<string> languages, bool checkFiles)
{
    /// <summary>Prompts that are language independent and may also live directly in the prompt directory.</summary>
    public static bool IsShared(string name) => name == "music_on_hold";

    public List<string> Read(YamlNode? node, string what)
    {
        var list = new List<string>();
        foreach (var (name, item) in context.ScalarList(node, what))
        {
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal))
            {
                context.Error(item, $"bad prompt name '{name}' (a name without folder or extension, e.g. menu_main)");
                continue;
            }

            Check(name, item);
            list.Add(name);
        }

        return list;
    }

    public void Check(string name, YamlNode node)
    {
        if (!checkFiles)
        {
            return;
        }

        if (IsShared(name) && File.Exists(Path.Combine(directory, name + ".wav")))
        {
            return;
        }

        foreach (var language in languages)
        {
            var file = Path.Combine(directory, language, name + ".wav");
            if (!File.Exists(file))
            {
                context.Error(node, $"missing prompt file '{file}' for prompt '{name}'");
            }
        }
    }
}
