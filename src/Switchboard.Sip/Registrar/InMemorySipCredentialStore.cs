namespace Switchboard.Sip.Registrar;

/// <summary>Fixed user -> password map, for tests and small setups.</summary>
public sealed class InMemorySipCredentialStore(IReadOnlyDictionary<string, string> passwords) : ISipCredentialStore
{
    public ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(passwords.TryGetValue(username, out var p) ? p : null);
}
