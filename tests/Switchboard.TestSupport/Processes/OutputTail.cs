using System.Text;

namespace Switchboard.TestSupport;

/// <summary>Keeps the last <c>capacity</c> characters a child process wrote (SIPp redraws its screen all run long).</summary>
public sealed class OutputTail(int capacity = 256 * 1024)
{
    private readonly StringBuilder _text = new();

    public void AppendLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            if (_text.Length > capacity)
            {
                _text.Remove(0, _text.Length - capacity);
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
