namespace Switchboard.Acd.Events;

/// <summary>Kinds of <see cref="CallEvent"/> sent to the node that owns a call.</summary>
public enum CallEventType
{
    /// <summary>An agent accepted: dial <see cref="CallEvent.AgentPhoneUser"/> and bridge.</summary>
    Accepted,

    /// <summary>The call moved to another queue by escalation (place kept).</summary>
    Overflowed,

    /// <summary>The offer went back to waiting (reject or timeout, in <see cref="CallEvent.Reason"/>); the caller keeps waiting.</summary>
    Requeued,

    /// <summary>The call was offered to <see cref="CallEvent.AgentId"/> (an <see cref="Accepted"/> or <see cref="Requeued"/> follows).</summary>
    Offered,
}
