using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Api.Auth;

/// <summary>The configured static bearer keys, kept as SHA-256 hashes and compared in constant time.</summary>
public sealed class StaticTokenSet
{
    private readonly List<(byte[] Hash, ApiCaller Caller)> _tokens = [];

    public StaticTokenSet(Hosting.ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var token in options.Tokens)
        {
            var caller = new ApiCaller(token.Subject, new HashSet<string>(StringComparer.Ordinal) { token.Role }, "static");
            _tokens.Add((SHA256.HashData(Encoding.UTF8.GetBytes(token.Token)), caller));
        }
    }

    /// <summary>The caller a key stands for; null when it is none of the configured keys.</summary>
    public ApiCaller? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        ApiCaller? match = null;
        foreach (var (known, caller) in _tokens)
        {
            // Compare every entry so the time taken does not reveal which key matched.
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                match = caller;
            }
        }

        return match;
    }

    /// <summary>
    /// True when a key whose SHA-256 (lower-case hex, as a web session keeps it) is <paramref name="tokenHash"/> is still
    /// configured: a key removed from the configuration ends the sessions signed in with it.
    /// </summary>
    public bool ContainsHash(string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        byte[] hash;
        try
        {
            hash = Convert.FromHexString(tokenHash);
        }
        catch (FormatException)
        {
            return false;
        }

        var found = false;
        foreach (var (known, _) in _tokens)
        {
            found |= CryptographicOperations.FixedTimeEquals(known, hash);
        }

        return found;
    }
}
