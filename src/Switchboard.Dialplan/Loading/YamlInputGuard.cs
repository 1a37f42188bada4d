using Switchboard.Dialplan.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchboard.Dialplan.Loading;

/// <summary>
/// Checks a YAML text against <see cref="YamlInputLimits"/> on the streaming parser's events (no tree is built and
/// nothing recurses), before the loader builds the representation model. The first limit crossed is reported with the
/// line and column where it was crossed.
/// </summary>
public static class YamlInputGuard
{
    /// <summary>Null when <paramref name="yaml"/> is within <paramref name="limits"/>, else the refusal.</summary>
    public static DialplanDiagnostic? Check(string yaml, string file, YamlInputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        limits ??= YamlInputLimits.Default;
        if (yaml.Length > limits.MaxCharacters)
        {
            return Refuse(file, 1, 1, $"the document is {yaml.Length} characters long; at most {limits.MaxCharacters} are accepted");
        }

        // Each open collection counts the expanded nodes below it, so an anchor's expanded size is known at its end.
        var open = new Stack<OpenNode>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        long expanded = 0;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                long size;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= limits.MaxDepth)
                        {
                            return Refuse(file, current.Start, $"nesting deeper than {limits.MaxDepth} levels");
                        }

                        open.Push(new OpenNode(((NodeEvent)current).Anchor.IsEmpty ? null : ((NodeEvent)current).Anchor.Value));
                        size = 1;
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = open.Pop();
                        if (closed.Anchor is { } name)
                        {
                            anchors[name] = closed.Expanded + 1;
                        }

                        AddToParent(open, closed.Expanded + 1);
                        continue;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        size = 1;
                        break;
                    case AnchorAlias alias:
                        // An alias to an anchor not yet closed (a self-reference) counts as one node; the loader refuses it.
                        size = anchors.TryGetValue(alias.Value.Value, out var aliased) ? aliased : 1;
                        break;
                    default:
                        continue;
                }

                nodes++;
                expanded += size;
                if (nodes > limits.MaxNodes)
                {
                    return Refuse(file, current.Start, $"more than {limits.MaxNodes} YAML nodes");
                }

                if (expanded > limits.MaxExpandedNodes)
                {
                    return Refuse(file, current.Start, $"aliases expand the document past {limits.MaxExpandedNodes} nodes");
                }

                if (current is not (MappingStart or SequenceStart))
                {
                    AddToParent(open, size);
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are reported by the loader with its own wording.
        }

        return null;
    }

    private static void AddToParent(Stack<OpenNode> open, long size)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Expanded = Math.Min(long.MaxValue / 4, parent.Expanded + size);
        }
    }

    private static DialplanDiagnostic Refuse(string file, Mark at, string message) =>
        Refuse(file, (int)at.Line, (int)at.Column, message);

    private static DialplanDiagnostic Refuse(string file, int line, int column, string message) =>
        new(DiagnosticSeverity.Error, new SourceLocation(file, line, column), "input limit: " + message);

    private sealed class OpenNode(string? anchor)
    {
        public string? Anchor { get; } = anchor;

        public long Expanded { get; set; }
    }
}
