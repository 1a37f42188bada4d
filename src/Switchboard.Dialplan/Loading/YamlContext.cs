using System.Globalization;
using Switchboard.Dialplan.Model;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Collects diagnostics while reading one file and turns YAML marks into locations.</summary>
internal sealed class YamlContext(string file)
{
    public string File { get; } = file;

    public List<DialplanDiagnostic> Diagnostics { get; } = [];

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public void Error(SourceLocation location, string message) =>
        Diagnostics.Add(new DialplanDiagnostic(DiagnosticSeverity.Error, location, message));

    public void Warning(SourceLocation location, string message) =>
        Diagnostics.Add(new DialplanDiagnostic(DiagnosticSeverity.Warning, location, message));

    public YamlMap? Map(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(this, mapping);
        }

        Error(node, $"{what} must be a mapping (key: value lines)");
        return null;
    }

    public string? Scalar(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"{what} must be a single value");
        return null;
    }

    public List<(string Value, YamlNode Node)> ScalarList(YamlNode? node, string what)
    {
        var list = new List<(string, YamlNode)>();
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode { Value: { } value } when value.Length > 0:
                list.Add((value, node));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (Scalar(item, what) is { } text)
                    {
                        list.Add((text, item));
                    }
                }

                break;
            default:
                Error(node, $"{what} must be a value or a list of values");
                break;
        }

        return list;
    }

    public int? Int(YamlNode? node, string what, int min, int max)
    {
        if (Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(node!, $"{what} must be a whole number between {min} and {max}, not '{text}'");
            return null;
        }

        return value;
    }

    public bool? Bool(YamlNode? node, string what)
    {
        if (Scalar(node, what) is not { } text)
        {
            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node!, $"{what} must be true or false, not '{text}'");
                return null;
        }
    }

    /// <summary>A duration: <c>30</c> (seconds), <c>30s</c>, <c>2m</c>, <c>1h</c>.</summary>
    public TimeSpan? Duration(YamlNode? node, string what)
    {
        if (Scalar(node, what) is not { } text)
        {
            return null;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        var unit = trimmed.Length > 0 && char.IsLetter(trimmed[^1]) ? trimmed[^1] : 's';
        var number = char.IsLetter(trimmed.Length > 0 ? trimmed[^1] : ' ') ? trimmed[..^1] : trimmed;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || unit is not ('s' or 'm' or 'h'))
        {
            Error(node!, $"{what} must be a duration like 30s, 2m or 1h, not '{text}'");
            return null;
        }

        return unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    public DialplanAction? Action(YamlNode? node, string what)
    {
        if (Scalar(node, what) is not { } text)
        {
            return null;
        }

        var action = DialplanAction.TryParse(text, At(node!), out var error);
        if (action is null)
        {
            Error(node!, error!);
        }

        return action;
    }
}
