using System.Xml;
using System.Xml.Linq;

namespace Switchboard.TestSupport;

/// <summary>Writes SIPp scenario XML to a temp file for <see cref="SippOptions.ScenarioFile"/>.</summary>
public static class SippScenarioFile
{
    /// <summary>
    /// Checks that <paramref name="xml"/> is well-formed XML with a <c>scenario</c> root and writes it to a new temp
    /// directory; returns the file path. The directory is the caller's to delete (or leave in /tmp).
    /// </summary>
    public static string Write(string xml, string name = "scenario")
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        using (var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }))
        {
            document = XDocument.Load(reader);
        }

        if (document.Root?.Name.LocalName != "scenario")
        {
            throw new ArgumentException("A SIPp scenario has a <scenario> root element.", nameof(xml));
        }

        var directory = Path.Combine(Path.GetTempPath(), "sb-sipp-scenario-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".xml");
        File.WriteAllText(path, xml);
        return path;
    }
}
