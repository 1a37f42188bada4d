using Switchboard.Dialplan.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchboard.Dialplan.Loading;

/// <summary>
/// Finds every duplicate mapping key in a YAML text from the parser's events, so all of them are reported with their
/// line and column (the representation model stops at the first).
/// </summary>
internal static class DuplicateKeyScanner
{
    public static List<DialplanDiagnostic> Scan(string yaml, string file)
    {
        var found = new List<DialplanDiagnostic>();
        var stack = new Stack<Frame>();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart:
                        stack.Push(new Frame(true));
                        break;
                    case SequenceStart:
                        stack.Push(new Frame(false));
                        break;
                    case MappingEnd or SequenceEnd:
                        stack.Pop();
                        ValueDone(stack);
                        break;
                    case Scalar scalar when stack.TryPeek(out var top) && top.IsMapping && top.ExpectKey:
                        if (!top.Keys.Add(scalar.Value))
                        {
                            found.Add(new DialplanDiagnostic(
                                DiagnosticSeverity.Error,
                                new SourceLocation(file, (int)scalar.Start.Line, (int)scalar.Start.Column),
                                $"duplicate key '{scalar.Value}'"));
                        }

                        top.ExpectKey = false;
                        break;
                    case Scalar or AnchorAlias:
                        ValueDone(stack);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are reported by the loader itself.
        }

        return found;
    }

    private static void ValueDone(Stack<Frame> stack)
    {
        if (stack.TryPeek(out var parent) && parent.IsMapping)
        {
            parent.ExpectKey = true;
        }
    }

    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool ExpectKey { get; set; } = true;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
