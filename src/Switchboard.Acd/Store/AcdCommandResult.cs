namespace Switchboard.Acd.Store;

/// <summary>Outcome of an agent or call command.</summary>
public enum AcdCommandResult
{
    Ok,

    /// <summary>No such agent or call (e.g. already ended or abandoned).</summary>
    NotFound,

    /// <summary>The agent or call is not in a state that allows the command (e.g. accepting someone else's offer).</summary>
    InvalidState,
}
