using System.Text;

namespace Switchboard.Cli.Terminal;

/// <summary>Splits one console input line into words; double quotes group words (<c>wrapup resolved "called back"</c>).</summary>
internal static class CommandLineTokenizer
{
    /// <summary>The words of <paramref name="line"/>; an unclosed quote runs to the end of the line.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var hasWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                hasWord = true;
            }
            else if (c == '\\' && inQuotes && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                current.Append(line[++i]);
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (hasWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    hasWord = false;
                }
            }
            else
            {
                current.Append(c);
                hasWord = true;
            }
        }

        if (hasWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
