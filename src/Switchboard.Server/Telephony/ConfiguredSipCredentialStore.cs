using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The registrar's secrets (RFC 3261 §22.4) from configuration (<c>Sip:Accounts</c>): a password, or H(A1) hashes for MD5
/// and/or SHA-256 so that the password itself is never configured. Realm-independent for passwords; an HA1 is only
/// valid for the realm it was computed with.
/// </summary>
public sealed class ConfiguredSipCredentialStore : ISipCredentialStore
{
    private readonly Dictionary<string, SipAccountOptions> _accounts = new(StringComparer.Ordinal);

    public ConfiguredSipCredentialStore(IEnumerable<SipAccountOptions> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (!string.IsNullOrWhiteSpace(account.User) && (account.Password.Length > 0 || account.Ha1.Length > 0 || account.Ha1Sha256.Length > 0))
            {
                _accounts[account.User.Trim()] = account;
            }
        }
    }

    /// <summary>Number of accounts configured.</summary>
    public int Count => _accounts.Count;

    public ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_accounts.TryGetValue(username, out var a) && a.Password.Length > 0 ? a.Password : null);

    public ValueTask<string?> GetHa1Async(string username, string realm, string? algorithm, CancellationToken cancellationToken = default)
    {
        if (!_accounts.TryGetValue(username, out var account))
        {
            return ValueTask.FromResult<string?>(null);
        }

        var sha256 = string.Equals(algorithm, DigestAlgorithm.Sha256, StringComparison.OrdinalIgnoreCase);
        var stored = sha256 ? account.Ha1Sha256 : account.Ha1;
        if (stored.Length > 0)
        {
            return ValueTask.FromResult<string?>(stored.Trim().ToLowerInvariant());
        }

        return ValueTask.FromResult(account.Password.Length > 0 ? DigestAlgorithm.Hash(algorithm, $"{username}:{realm}:{account.Password}") : null);
    }
}
