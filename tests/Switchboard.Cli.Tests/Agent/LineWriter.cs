using System.Text;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>Captures console output line by line so a test can await a line instead of sleeping.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _current = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                var line = _current.ToString().TrimEnd('\r');
                _current.Clear();
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Found.TrySetResult(line);
                }
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    /// <summary>The first line (already written or still to come) that contains <paramref name="text"/>, at or after line <paramref name="from"/>.</summary>
    public Task<string> WaitForAsync(string text, int from = 0)
    {
        lock (_gate)
        {
            var existing = _lines.Skip(from).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((l => l.Contains(text, StringComparison.Ordinal), found));
            return found.Task.WaitAsync(TestTimeouts.Default - TimeSpan.FromSeconds(1)).ContinueWith(
                t => t.IsFaulted ? throw new TimeoutException($"no line with '{text}' in:\n{string.Join('\n', Lines)}") : t.Result,
                TaskScheduler.Default);
        }
    }

    /// <summary>Number of lines so far (a mark for <see cref="WaitForAsync"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }
}
