using System.Diagnostics.CodeAnalysis;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Authentication;

/// <summary>A WWW-Authenticate / Proxy-Authenticate digest challenge (RFC 3261 §22.4, RFC 7616 §3.3).</summary>
public sealed record DigestChallenge(string Realm, string Nonce, string? Algorithm = null, string? Qop = "auth", string? Opaque = null, bool Stale = false)
{
    public static DigestChallenge Parse(string value) =>
        TryParse(value, out var c) ? c : throw new FormatException("Invalid digest challenge");

    public static bool TryParse(string? value, [NotNullWhen(true)] out DigestChallenge? challenge)
    {
        challenge = null;
        if (!DigestHeaderParser.TryParse(value, out var scheme, out var p) || !scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) ||
            !p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        p.TryGetValue("algorithm", out var algorithm);
        p.TryGetValue("qop", out var qop);
        p.TryGetValue("opaque", out var opaque);
        var stale = p.TryGetValue("stale", out var s) && s.Equals("true", StringComparison.OrdinalIgnoreCase);
        challenge = new DigestChallenge(realm, nonce, algorithm, qop, opaque, stale);
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("Digest realm=").Append(SipSyntax.Quote(Realm)).Append(", nonce=").Append(SipSyntax.Quote(Nonce));
        if (Opaque is not null)
        {
            sb.Append(", opaque=").Append(SipSyntax.Quote(Opaque));
        }

        if (Algorithm is not null)
        {
            sb.Append(", algorithm=").Append(Algorithm);
        }

        if (Qop is not null)
        {
            sb.Append(", qop=").Append(SipSyntax.Quote(Qop));
        }

        if (Stale)
        {
            sb.Append(", stale=true");
        }

        return sb.ToString();
    }
}
