using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>A YAML mapping read key by key; keys never asked for are reported as unknown, duplicates as errors.</summary>
internal sealed class YamlMap
{
    private readonly YamlContext _context;
    private readonly List<(string Key, YamlNode KeyNode, YamlNode Value)> _entries = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public YamlMap(YamlContext context, YamlMappingNode node)
    {
        _context = context;
        Node = node;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : key.ToString();
            if (!seen.Add(name))
            {
                context.Error(key, $"duplicate key '{name}'");
                continue;
            }

            _entries.Add((name, key, value));
        }
    }

    public YamlMappingNode Node { get; }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries
    {
        get
        {
            foreach (var entry in _entries)
            {
                _used.Add(entry.Key);
                yield return entry;
            }
        }
    }

    public YamlNode? this[string key]
    {
        get
        {
            _used.Add(key);
            foreach (var entry in _entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YamlNode? Require(string key, string what)
    {
        var value = this[key];
        if (value is null)
        {
            _context.Error(Node, $"{what} needs '{key}'");
        }

        return value;
    }

    public void ReportUnknown(string what)
    {
        foreach (var entry in _entries)
        {
            if (!_used.Contains(entry.Key))
            {
                _context.Error(entry.KeyNode, $"unknown key '{entry.Key}' in {what}");
            }
        }
    }
}
