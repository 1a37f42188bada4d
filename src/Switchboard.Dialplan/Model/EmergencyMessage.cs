namespace Switchboard.Dialplan.Model;

/// <summary>An announcement a supervisor switches on; played before the menu, and optionally closing the line.</summary>
public sealed record EmergencyMessage(bool Enabled, IReadOnlyList<string> Prompts, bool Closed, SourceLocation Location)
{
    /// <summary>No emergency message.</summary>
    public static EmergencyMessage Off { get; } = new(false, ["emergency"], false, SourceLocation.None);
}
