using System.Threading.Channels;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>Console input typed by a test: <see cref="Type"/> adds a line, <see cref="EndInput"/> is end of input.</summary>
internal sealed class LineReader : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public void EndInput() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line))
        {
            return line;
        }

        return null;
    }

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
