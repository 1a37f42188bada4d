namespace Switchboard.Dialplan.Hours;

/// <summary>A Swedish holiday or closed eve (<c>helgdag</c> / <c>helgafton</c>) on <paramref name="Date"/>.</summary>
public sealed record Holiday(DateOnly Date, string Name);
