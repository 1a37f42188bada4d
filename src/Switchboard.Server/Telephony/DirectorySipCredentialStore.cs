using Switchboard.Acd.Directory;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The accounts the registrar authenticates (RFC 3261 §22.4): the agent directory's phone accounts first (their stored
/// H(A1); a disabled agent's account, or one hashed for another realm, is refused), then the configuration's
/// <c>Sip:Accounts</c> (kept for development and tests) for names the directory does not hold.
/// </summary>
public sealed class DirectorySipCredentialStore(DirectoryStore directory, ConfiguredSipCredentialStore configured) : ISipCredentialStore
{
    /// <summary>Passwords only come from configuration: the directory never holds one.</summary>
    public async ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default) =>
        await directory.FindPhoneAsync(username, cancellationToken).ConfigureAwait(false) is null
            ? await configured.GetPasswordAsync(username, realm, cancellationToken).ConfigureAwait(false)
            : null;

    public async ValueTask<string?> GetHa1Async(string username, string realm, string? algorithm, CancellationToken cancellationToken = default)
    {
        if (await directory.FindPhoneAsync(username, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return await configured.GetHa1Async(username, realm, algorithm, cancellationToken).ConfigureAwait(false);
        }

        if (!account.Enabled || account.Secret is not { } secret || !string.Equals(secret.Realm, realm, StringComparison.Ordinal))
        {
            return null;
        }

        return string.Equals(algorithm, DigestAlgorithm.Sha256, StringComparison.OrdinalIgnoreCase) ? secret.Sha256 : secret.Md5;
    }
}
