using Switchboard.Acd.Queues;
using Switchboard.Dialplan.Model;
using AcdEscalation = Switchboard.Acd.Queues.EscalationStep;

namespace Switchboard.Server.Calls;

/// <summary>Maps a dialplan queue (svarsgrupp) onto the ACD's routing settings and a caller's enqueue request.</summary>
public static class QueueOptionsMapper
{
    /// <summary>The ACD <see cref="QueueOptions"/> for <paramref name="queue"/>.</summary>
    public static QueueOptions ToQueueOptions(QueueDefinition queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var escalations = new List<AcdEscalation>();
        foreach (var step in queue.Escalation)
        {
            if (step.MinLevel is { } level)
            {
                escalations.Add(AcdEscalation.LowerMinLevel(step.After, level));
            }

            if (step.AddSkill is { } skill)
            {
                escalations.Add(AcdEscalation.AddSkill(step.After, skill, step.MinLevel ?? queue.MinLevel));
            }

            if (step.OverflowQueue is { } overflow)
            {
                escalations.Add(AcdEscalation.Overflow(step.After, overflow));
            }
        }

        var (noAgents, overflowQueue) = queue.WhenNoAgents.Action switch
        {
            NoAgentAction.Callback => (NoAgentBehaviour.Callback, (string?)null),
            NoAgentAction.Queue => (NoAgentBehaviour.Overflow, queue.WhenNoAgents.Queue),
            NoAgentAction.Closed => (NoAgentBehaviour.Closed, null),
            _ => (NoAgentBehaviour.Wait, null),
        };
        return new QueueOptions
        {
            Name = queue.Id,
            OfferTimeout = queue.OfferTimeout,
            WrapUpTime = queue.WrapUp,
            LanguageFallbackAfter = queue.LanguageFallbackWait,
            Escalations = escalations,
            NoAgents = noAgents,
            NoAgentOverflowQueue = overflowQueue,
            CallbackWhenNodeLost = queue.Callback is { WhenNodeLost: true },
        };
    }

    /// <summary>The enqueue request for a live caller in <paramref name="queue"/>.</summary>
    public static EnqueueRequest ToEnqueueRequest(string callId, QueueDefinition queue, string language, string callerNumber)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new EnqueueRequest(callId, queue.Id, [new SkillRequirement(queue.Skill, queue.MinLevel)], language, queue.Priority, callerNumber);
    }
}
