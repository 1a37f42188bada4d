using Switchboard.Sip.Authentication;

namespace Switchboard.Sip.Registrar;

/// <summary>Looks up the digest secret of a user (RFC 3261 §22); null when the user is unknown.</summary>
public interface ISipCredentialStore
{
    ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default);

    /// <summary>
    /// H(A1) = H(username:realm:password) for <paramref name="algorithm"/> (RFC 7616 §3.4.2), or null when the user is
    /// unknown or has no secret for that algorithm. By default computed from <see cref="GetPasswordAsync"/>; a store
    /// that keeps HA1 hashes instead of passwords overrides it.
    /// </summary>
    async ValueTask<string?> GetHa1Async(string username, string realm, string? algorithm, CancellationToken cancellationToken = default)
    {
        var password = await GetPasswordAsync(username, realm, cancellationToken).ConfigureAwait(false);
        return password is null ? null : DigestAlgorithm.Hash(algorithm, $"{username}:{realm}:{password}");
    }
}
