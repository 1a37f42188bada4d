using Switchboard.Dialplan.Hours;

namespace Switchboard.Dialplan.Model;

/// <summary>A loaded dialplan. Immutable; <see cref="Version"/> is a hash of the file content.</summary>
public sealed record DialplanDefinition(
    string Name,
    TimeZoneInfo TimeZone,
    string DefaultLanguage,
    IReadOnlyList<string> Languages,
    string PromptDirectory,
    IReadOnlyList<string> Greeting,
    string StartMenu,
    OpeningHours Hours,
    ClosedHandling Closed,
    ClosedHandling Lunch,
    ClosedHandling Holiday,
    EmergencyMessage Emergency,
    IReadOnlyDictionary<string, MenuDefinition> Menus,
    IReadOnlyDictionary<string, QueueDefinition> Queues,
    string Version,
    string SourcePath);
