using System.Text;
using Switchboard.Media.Sdp;

namespace Switchboard.Fuzzing.Targets;

/// <summary>An SDP body as an offer (parse and answer it) and as an answer to our own offer (RFC 3264).</summary>
internal sealed class SdpTarget : FuzzTarget
{
    private static readonly SdpLocalEndpoint Local = new("127.0.0.1", 10000, 1, 1);
    private readonly SdpNegotiator _negotiator = new();
    private readonly SdpSessionDescription _ourOffer;

    public SdpTarget() => _ourOffer = _negotiator.CreateOffer(Local);

    public override string Name => "sdp";

    public override IReadOnlyList<byte[]> Dictionary => TextTokens.Sdp;

    public override int Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = SdpSessionDescription.TryParse(text, out var description, out var error);
        var answer = _negotiator.Answer(text, Local);
        answer.Answer?.ToString();
        var processed = _negotiator.ProcessAnswer(_ourOffer, text);
        return HashCode.Combine(parsed, description?.Media.Count, error?.Length > 0 ? error[..Math.Min(error.Length, 24)] : null,
            answer.IsAccepted, answer.FailureReason, processed.IsAccepted, processed.FailureReason);
    }
}
