namespace Switchboard.Sip.Registrar;

/// <summary>Looks up the digest password of a user (RFC 3261 §22); null when the user is unknown.</summary>
public interface ISipCredentialStore
{
    ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default);
}
