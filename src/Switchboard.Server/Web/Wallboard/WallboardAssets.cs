using System.Collections.Concurrent;

namespace Switchboard.Server.Web.Wallboard;

/// <summary>The wallboard's pages, style sheet and script, embedded in the assembly (no CDN, works offline).</summary>
public static class WallboardAssets
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of an embedded asset (<c>wallboard.html</c>, <c>signin.html</c>, <c>wallboard.css</c>, <c>wallboard.js</c>).</summary>
    public static string Text(string name) => Cache.GetOrAdd(name, static n =>
    {
        var assembly = typeof(WallboardAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("wallboard/" + n)
            ?? throw new FileNotFoundException($"embedded wallboard asset '{n}' is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Content type of an asset by its extension.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>True for the names served at <c>/wallboard/assets/{name}</c>.</summary>
    public static bool IsPublic(string name) => name is "wallboard.css" or "wallboard.js";
}
