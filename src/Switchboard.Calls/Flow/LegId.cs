namespace Switchboard.Calls.Flow;

/// <summary>
/// One leg of a call: its role and a serial number, so a late event of a leg the call already left (an agent dialled
/// before, a transferred-away agent's BYE) is told apart from the current one.
/// </summary>
public readonly record struct LegId(LegRole Role, int Serial)
{
    /// <summary>The citizen's leg; a call has exactly one.</summary>
    public static LegId Caller { get; } = new(LegRole.Caller, 0);

    /// <inheritdoc />
    public override string ToString() => Role == LegRole.Caller ? "caller" : $"{Role.ToString().ToLowerInvariant()}#{Serial}";
}
