namespace Switchboard.Acd.CallControl;

/// <summary>Sends call-control commands to the node holding a call (media and dialogs live there).</summary>
public interface ICallControl
{
    /// <summary>Sends the command; false when no node is listening (nobody can execute it).</summary>
    Task<bool> SendAsync(CallControlCommand command, CancellationToken cancellationToken = default);
}
