using System.Text;
using Switchboard.Sip.Authentication;

namespace Switchboard.Fuzzing.Targets;

/// <summary>Digest header values (RFC 3261 §25.1, RFC 7616): an Authorization's credentials, verified, and a challenge.</summary>
internal sealed class DigestTarget : FuzzTarget
{
    public override string Name => "digest";

    public override int MaxLength => 2048;

    public override IReadOnlyList<byte[]> Dictionary => TextTokens.Digest;

    public override int Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var outcome = HashCode.Combine(DigestChallenge.TryParse(text, out var challenge), challenge?.Algorithm, challenge?.Qop);
        if (DigestCredentials.TryParse(text, out var credentials))
        {
            outcome = HashCode.Combine(outcome, credentials.Algorithm, credentials.Qop, credentials.NonceCount, credentials.Verify("secret", "REGISTER"));
            credentials.ToString();
        }

        return outcome;
    }
}
