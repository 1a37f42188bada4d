using Switchboard.Dialplan.Model;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Reading <c>menus:</c>.</summary>
public static partial class DialplanLoader
{
    private const string MenuKeys = "0123456789*#";

    private static Dictionary<string, MenuDefinition> ReadMenus(YamlContext context, PromptChecker prompts, YamlNode? node)
    {
        var menus = new Dictionary<string, MenuDefinition>(StringComparer.Ordinal);
        if (context.Map(node, "menus") is not { } map)
        {
            return menus;
        }

        foreach (var (id, keyNode, value) in map.Entries)
        {
            if (ReadMenu(context, prompts, id, keyNode, value) is { } menu)
            {
                menus[id] = menu;
            }
        }

        return menus;
    }

    private static MenuDefinition? ReadMenu(YamlContext context, PromptChecker prompts, string id, YamlNode keyNode, YamlNode node)
    {
        if (context.Map(node, $"menu '{id}'") is not { } map)
        {
            return null;
        }

        var list = prompts.Read(map.Require("prompt", $"menu '{id}'"), $"menus.{id}.prompt");
        var timeout = context.Duration(map["timeout"], "timeout") ?? TimeSpan.FromSeconds(5);
        var retries = context.Int(map["retries"], "retries", 0, 5) ?? 2;
        var options = new List<MenuOption>();
        if (context.Map(map.Require("options", $"menu '{id}'"), $"menus.{id}.options") is { } optionsMap)
        {
            foreach (var (key, optionKey, value) in optionsMap.Entries)
            {
                if (key.Length != 1 || !MenuKeys.Contains(key[0], StringComparison.Ordinal))
                {
                    context.Error(optionKey, $"bad key '{key}' in menu '{id}' (one of 0-9, \"*\" or \"#\"; quote * and # in YAML)");
                    continue;
                }

                if (context.Action(value, $"key {key}") is { } action)
                {
                    options.Add(new MenuOption(key[0], action, context.At(optionKey)));
                }
            }
        }

        var defaultAction = context.Action(map["default"], "default") ?? new DialplanAction(ActionKind.HangUp, null, context.At(map.Node));
        map.ReportUnknown($"menu '{id}'");
        return new MenuDefinition(id, list, options, timeout, retries, defaultAction, context.At(keyNode));
    }
}
