using Switchboard.Dialplan.Hours;

namespace Switchboard.Dialplan.Model;

/// <summary>
/// A queue (svarsgrupp) as the dialplan describes it. Plain data: the server maps it onto the ACD's own options.
/// </summary>
public sealed record QueueDefinition(
    string Id,
    string DisplayName,
    IReadOnlyList<string> Prompts,
    string Skill,
    int MinLevel,
    int Priority,
    QueueAnnouncements Announcements,
    MaxWaitPolicy? MaxWait,
    CallbackOffer? Callback,
    IReadOnlyList<EscalationStep> Escalation,
    NoAgentPolicy WhenNoAgents,
    TimeSpan OfferTimeout,
    TimeSpan WrapUp,
    TimeSpan LanguageFallbackWait,
    OpeningHours? Hours,
    SourceLocation Location);
