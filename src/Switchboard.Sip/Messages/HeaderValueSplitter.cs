namespace Switchboard.Sip.Messages;

/// <summary>Splits a header field line into its comma-separated values, honouring quotes and angle brackets (RFC 3261 §7.3.1).</summary>
internal static class HeaderValueSplitter
{
    public static void Split(string line, List<string> into)
    {
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                into.Add(line[start..i].Trim());
                start = i + 1;
            }
        }

        into.Add(line[start..].Trim());
    }
}
