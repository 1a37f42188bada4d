namespace Switchboard.Dialplan.Model;

/// <summary>One key of a menu (knappval) and what it does.</summary>
public sealed record MenuOption(char Key, DialplanAction Action, SourceLocation Location);
