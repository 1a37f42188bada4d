namespace Switchboard.Dialplan.Engine;

/// <summary>The caller pressed a key (0-9, *, #), e.g. an RFC 4733 telephone-event.</summary>
public sealed record DigitPressed(char Digit) : IvrEvent;
