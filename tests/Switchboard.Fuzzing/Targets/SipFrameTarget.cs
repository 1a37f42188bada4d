using System.Buffers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Fuzzing.Targets;

/// <summary>
/// The TCP framer (<see cref="SipFrameScanner"/>) over a stream: frames are cut as a connection does, each one parsed;
/// the scanner must never report a frame outside the buffer. The stream is also fed in two parts, as a read that
/// stops mid-message would.
/// </summary>
internal sealed class SipFrameTarget : FuzzTarget
{
    private const int MaxMessageSize = 4096;

    public override string Name => "sip-frame";

    public override int MaxLength => 16384;

    public override IReadOnlyList<byte[]> Dictionary => TextTokens.Sip;

    public override int Run(ReadOnlySpan<byte> input)
    {
        var outcome = Scan(input);
        if (input.Length > 1)
        {
            // The first part alone must say NeedMoreData or frame a prefix, never look past its end.
            outcome = HashCode.Combine(outcome, Scan(input[..(input.Length / 2)]));
        }

        return outcome;
    }

    private static int Scan(ReadOnlySpan<byte> stream)
    {
        var outcome = 0;
        var frames = 0;
        while (true)
        {
            var status = SipFrameScanner.TryRead(stream, MaxMessageSize, out var keepAlive, out var frameLength);
            outcome = HashCode.Combine(outcome, status);
            if (status != OperationStatus.Done)
            {
                return HashCode.Combine(outcome, frames > 3 ? 3 : frames);
            }

            if (keepAlive < 0 || frameLength < 0 || keepAlive + frameLength > stream.Length || keepAlive + frameLength == 0)
            {
                throw new InvalidOperationException($"SipFrameScanner framed {keepAlive}+{frameLength} bytes of a {stream.Length}-byte buffer");
            }

            outcome = HashCode.Combine(outcome, SipMessageParser.Parse(stream.Slice(keepAlive, frameLength)).ErrorStatus);
            stream = stream[(keepAlive + frameLength)..];
            frames++;
        }
    }
}
