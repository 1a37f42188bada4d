using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Telephony;

/// <summary>The registrar's passwords (RFC 3261 §22.4) from configuration (<c>Sip:Accounts</c>); realm-independent.</summary>
public sealed class ConfiguredSipCredentialStore : ISipCredentialStore
{
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);

    public ConfiguredSipCredentialStore(IEnumerable<SipAccountOptions> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (!string.IsNullOrWhiteSpace(account.User) && account.Password.Length > 0)
            {
                _passwords[account.User.Trim()] = account.Password;
            }
        }
    }

    /// <summary>Number of accounts configured.</summary>
    public int Count => _passwords.Count;

    public ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_passwords.TryGetValue(username, out var password) ? password : null);
}
