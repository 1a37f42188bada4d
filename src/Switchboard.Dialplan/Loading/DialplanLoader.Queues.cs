using Switchboard.Dialplan.Model;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Reading <c>queues:</c>.</summary>
public static partial class DialplanLoader
{
    private static Dictionary<string, QueueDefinition> ReadQueues(YamlContext context, PromptChecker prompts, YamlNode? node)
    {
        var queues = new Dictionary<string, QueueDefinition>(StringComparer.Ordinal);
        if (context.Map(node, "queues") is not { } map)
        {
            return queues;
        }

        foreach (var (id, keyNode, value) in map.Entries)
        {
            if (ReadQueue(context, prompts, id, keyNode, value) is { } queue)
            {
                queues[id] = queue;
            }
        }

        return queues;
    }

    private static QueueDefinition? ReadQueue(YamlContext context, PromptChecker prompts, string id, YamlNode keyNode, YamlNode node)
    {
        var what = $"queue '{id}'";
        if (context.Map(node, what) is not { } map)
        {
            return null;
        }

        var name = context.Scalar(map["name"], "name") ?? id;
        var list = prompts.Read(map["prompt"], "prompt");
        var skill = context.Scalar(map["skill"], "skill") ?? id;
        var minLevel = context.Int(map["min_level"], "min_level", 0, 10) ?? 1;
        var priority = context.Int(map["priority"], "priority", 0, 100) ?? 5;

        QueueAnnouncements announcements = new(null, null);
        if (context.Map(map["announce"], "announce") is { } announce)
        {
            announcements = new QueueAnnouncements(
                context.Duration(announce["position_every"], "position_every"),
                context.Duration(announce["wait_every"], "wait_every"));
            announce.ReportUnknown("announce");
        }

        MaxWaitPolicy? maxWait = null;
        if (context.Map(map["max_wait"], "max_wait") is { } maxWaitMap)
        {
            var after = context.Duration(maxWaitMap.Require("after", "max_wait"), "max_wait.after");
            var then = context.Action(maxWaitMap.Require("then", "max_wait"), "max_wait.then");
            maxWaitMap.ReportUnknown("max_wait");
            if (after is not null && then is not null)
            {
                maxWait = new MaxWaitPolicy(after.Value, then);
            }
        }

        CallbackOffer? callback = null;
        if (context.Map(map["callback"], "callback") is { } callbackMap)
        {
            var after = context.Duration(callbackMap.Require("after", "callback"), "callback.after");
            var callbackKeyNode = callbackMap["key"];
            var key = context.Scalar(callbackKeyNode, "callback.key") ?? "1";
            if (key.Length != 1 || !char.IsAsciiDigit(key[0]))
            {
                context.Error(callbackKeyNode!, $"callback.key must be one digit, not '{key}'");
            }

            var whenNodeLost = context.Bool(callbackMap["when_node_lost"], "callback.when_node_lost") ?? true;
            callbackMap.ReportUnknown("callback");
            if (after is not null)
            {
                callback = new CallbackOffer(after.Value, key[0], whenNodeLost);
            }
        }

        var escalation = new List<EscalationStep>();
        if (map["escalation"] is YamlSequenceNode steps)
        {
            foreach (var stepNode in steps.Children)
            {
                if (context.Map(stepNode, "an escalation step") is not { } step)
                {
                    continue;
                }

                var after = context.Duration(step.Require("after", "an escalation step"), "after") ?? TimeSpan.Zero;
                var level = context.Int(step["min_level"], "min_level", 0, 10);
                var addSkill = context.Scalar(step["add_skill"], "add_skill");
                var overflowNode = step["overflow"];
                var overflow = context.Scalar(overflowNode, "overflow");
                if (level is null && addSkill is null && overflow is null)
                {
                    context.Error(stepNode, "an escalation step needs min_level, add_skill or overflow");
                }

                step.ReportUnknown("an escalation step");
                escalation.Add(new EscalationStep(after, level, addSkill, overflow, context.At(overflowNode ?? stepNode)));
            }
        }
        else if (map["escalation"] is { } badSteps)
        {
            context.Error(badSteps, "escalation must be a list of steps");
        }

        var noAgents = NoAgentPolicy.Wait;
        if (map["no_agents"] is { } noAgentsNode && context.Scalar(noAgentsNode, "no_agents") is { } noAgentsText)
        {
            noAgents = noAgentsText switch
            {
                "wait" => new NoAgentPolicy(NoAgentAction.Wait, null, context.At(noAgentsNode)),
                "callback" => new NoAgentPolicy(NoAgentAction.Callback, null, context.At(noAgentsNode)),
                "closed" => new NoAgentPolicy(NoAgentAction.Closed, null, context.At(noAgentsNode)),
                _ when noAgentsText.StartsWith("queue:", StringComparison.Ordinal) && noAgentsText.Length > 6 =>
                    new NoAgentPolicy(NoAgentAction.Queue, noAgentsText[6..], context.At(noAgentsNode)),
                _ => null!,
            };
            if (noAgents is null)
            {
                context.Error(noAgentsNode, $"no_agents must be wait, callback, closed or queue:<id>, not '{noAgentsText}'");
                noAgents = NoAgentPolicy.Wait;
            }
        }

        var offerTimeout = context.Duration(map["offer_timeout"], "offer_timeout") ?? TimeSpan.FromSeconds(20);
        var wrapUp = context.Duration(map["wrap_up"], "wrap_up") ?? TimeSpan.FromSeconds(30);
        var languageWait = context.Duration(map["language_wait"], "language_wait") ?? TimeSpan.FromSeconds(60);
        var hours = ReadHours(context, prompts, map["hours"], $"queue '{id}' hours");
        map.ReportUnknown(what);
        return new QueueDefinition(
            id, name, list, skill, minLevel, priority, announcements, maxWait, callback, escalation, noAgents,
            offerTimeout, wrapUp, languageWait, hours, context.At(keyNode));
    }
}
