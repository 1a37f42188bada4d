namespace Switchboard.Dialplan.Model;

/// <summary>What a queue does with a caller when no agent with the skill is logged in.</summary>
public enum NoAgentAction
{
    /// <summary>Wait in the queue anyway.</summary>
    Wait,
    /// <summary>Offer a callback request.</summary>
    Callback,
    /// <summary>Send the caller to another queue.</summary>
    Queue,
    /// <summary>Treat the queue as closed (closed prompt and action).</summary>
    Closed,
}
