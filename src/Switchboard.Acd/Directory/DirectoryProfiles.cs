using Switchboard.Acd.Agents;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Directory;

/// <summary>
/// Turns directory entries into the ACD's live agent profiles, so routing uses what supervisors assigned: at sign-in,
/// and again whenever a supervisor changes a signed-in agent, which therefore applies from the next offer on without
/// the agent signing in again. A disabled agent keeps no queue (no further offers) and is signed out unless holding
/// an offer or a call.
/// </summary>
public sealed class DirectoryProfiles(DirectoryStore directory, AcdStore acd)
{
    /// <summary>The ACD profile of <paramref name="entry"/> as narrowed by <paramref name="selection"/>.</summary>
    public static Agent ToLive(DirectoryAgent entry, AgentSelection selection)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(selection);
        var (queues, languages) = selection.Apply(entry);
        return new Agent(entry.Id, entry.DisplayName.Length > 0 ? entry.DisplayName : entry.Id, entry.Skills, languages, entry.PhoneUser,
            entry.Enabled ? queues : []);
    }

    /// <summary>
    /// Applies a changed entry to the agent's live profile when the ACD knows the agent (signed in now or before);
    /// returns true when it did.
    /// </summary>
    public async Task<bool> ApplyAsync(DirectoryAgent entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await acd.GetAgentAsync(entry.Id, cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return false;
        }

        var selection = await directory.GetSelectionAsync(entry.Id, cancellationToken).ConfigureAwait(false);
        await acd.RegisterAgentAsync(ToLive(entry, selection), cancellationToken).ConfigureAwait(false);
        if (!entry.Enabled && status.State is AgentState.Ready or AgentState.Paused)
        {
            await acd.LogoutAsync(entry.Id, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
