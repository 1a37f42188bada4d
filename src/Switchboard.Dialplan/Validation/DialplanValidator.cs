using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Validation;

/// <summary>
/// Cross-reference checks on a read dialplan: unknown menus, queues and languages, unreachable menus, menus with no way
/// out, and warnings for long or deep menus.
/// </summary>
internal static class DialplanValidator
{
    /// <summary>More options than this earns a warning (not counting *, #, 0 and language keys).</summary>
    public const int MaxOptions = 4;

    /// <summary>Menus deeper than this below the start menu earn a warning.</summary>
    public const int MaxLevels = 2;

    public static void Validate(DialplanDefinition dialplan, YamlContext context, Func<string, string?>? transferCheck = null)
    {
        if (!dialplan.Menus.ContainsKey(dialplan.StartMenu))
        {
            context.Error(new SourceLocation(dialplan.SourcePath, 1, 1), $"start menu '{dialplan.StartMenu}' does not exist");
        }

        foreach (var menu in dialplan.Menus.Values)
        {
            foreach (var option in menu.Options)
            {
                CheckAction(dialplan, context, transferCheck, option.Action);
            }

            CheckAction(dialplan, context, transferCheck, menu.Default);
            var counted = menu.Options.Count(o => o.Key is not ('*' or '#' or '0') && o.Action.Kind != ActionKind.Language);
            if (counted > MaxOptions)
            {
                context.Warning(menu.Location, $"menu '{menu.Id}' has {counted} options; callers dislike more than {MaxOptions}");
            }
        }

        CheckAction(dialplan, context, transferCheck, dialplan.Closed.Action);
        CheckAction(dialplan, context, transferCheck, dialplan.Lunch.Action);
        CheckAction(dialplan, context, transferCheck, dialplan.Holiday.Action);
        foreach (var queue in dialplan.Queues.Values)
        {
            if (queue.MaxWait is { } maxWait)
            {
                CheckAction(dialplan, context, transferCheck, maxWait.Then);
            }

            foreach (var step in queue.Escalation)
            {
                if (step.OverflowQueue is { } overflow && !dialplan.Queues.ContainsKey(overflow))
                {
                    context.Error(step.Location, $"unknown queue '{overflow}' in escalation of queue '{queue.Id}'");
                }
            }

            if (queue.WhenNoAgents is { Action: NoAgentAction.Queue, Queue: { } other } && !dialplan.Queues.ContainsKey(other))
            {
                context.Error(queue.WhenNoAgents.Location, $"unknown queue '{other}' in no_agents of queue '{queue.Id}'");
            }
        }

        CheckReachability(dialplan, context);
    }

    private static void CheckAction(DialplanDefinition dialplan, YamlContext context, Func<string, string?>? transferCheck, DialplanAction action)
    {
        switch (action.Kind)
        {
            case ActionKind.Menu when !dialplan.Menus.ContainsKey(action.Target!):
                context.Error(action.Location, $"unknown menu '{action.Target}'");
                break;
            case ActionKind.Queue when !dialplan.Queues.ContainsKey(action.Target!):
                context.Error(action.Location, $"unknown queue '{action.Target}'");
                break;
            case ActionKind.Transfer when transferCheck?.Invoke(action.Target!) is { } refusal:
                context.Error(action.Location, $"transfer target refused: {refusal}");
                break;
            case ActionKind.Language when !dialplan.Languages.Contains(action.Target!):
                context.Error(action.Location, $"unknown language '{action.Target}' (languages: {string.Join(", ", dialplan.Languages)})");
                break;
        }
    }

    private static void CheckReachability(DialplanDefinition dialplan, YamlContext context)
    {
        if (!dialplan.Menus.ContainsKey(dialplan.StartMenu))
        {
            return;
        }

        // Breadth-first from the start menu gives each menu its depth.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [dialplan.StartMenu] = 0 };
        var queue = new Queue<string>();
        queue.Enqueue(dialplan.StartMenu);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var next in MenuTargets(dialplan.Menus[id]))
            {
                if (dialplan.Menus.ContainsKey(next) && depth.TryAdd(next, depth[id] + 1))
                {
                    queue.Enqueue(next);
                    if (depth[next] > MaxLevels)
                    {
                        context.Warning(dialplan.Menus[next].Location, $"menu '{next}' is {depth[next] + 1} levels deep; callers dislike more than {MaxLevels}");
                    }
                }
            }
        }

        foreach (var menu in dialplan.Menus.Values.Where(m => !depth.ContainsKey(m.Id)))
        {
            context.Error(menu.Location, $"menu '{menu.Id}' is unreachable from the start menu '{dialplan.StartMenu}'");
        }

        // A menu can exit when one of its actions leaves the menus or leads to a menu that can exit.
        var canExit = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var menu in dialplan.Menus.Values)
            {
                if (!canExit.Contains(menu.Id) && Actions(menu).Any(a => a.IsExit || (a.Kind == ActionKind.Menu && canExit.Contains(a.Target!))))
                {
                    canExit.Add(menu.Id);
                    changed = true;
                }
            }
        }
        while (changed);

        foreach (var menu in dialplan.Menus.Values.Where(m => depth.ContainsKey(m.Id) && !canExit.Contains(m.Id)))
        {
            context.Error(menu.Location, $"menu '{menu.Id}' is a loop with no exit (no key leads to a queue, transfer, callback or hangup)");
        }
    }

    private static IEnumerable<DialplanAction> Actions(MenuDefinition menu) => menu.Options.Select(o => o.Action).Append(menu.Default);

    private static IEnumerable<string> MenuTargets(MenuDefinition menu) =>
        Actions(menu).Where(a => a.Kind == ActionKind.Menu).Select(a => a.Target!);
}
