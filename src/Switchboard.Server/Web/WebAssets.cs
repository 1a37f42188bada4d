using System.Collections.Concurrent;

namespace Switchboard.Server.Web;

/// <summary>
/// The pages, style sheets and scripts of the wallboard and the console, embedded in the assembly (no CDN, no build
/// toolchain, works offline) under the logical names <c>wallboard/{file}</c> and <c>console/{file}</c>.
/// </summary>
public static class WebAssets
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of an embedded asset, e.g. <c>console/agent.html</c>; throws when it is missing.</summary>
    public static string Text(string name) => Find(name)
        ?? throw new FileNotFoundException($"embedded web asset '{name}' is missing from {typeof(WebAssets).Assembly.GetName().Name}");

    /// <summary>The text of an embedded asset, or null when there is none of that name.</summary>
    public static string? Find(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(n);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Content type of an asset by its extension.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// Serves <c>{folder}/{name}</c> when it is a style sheet or script (pages are served by their endpoints, which
    /// check the session first); 404 otherwise.
    /// </summary>
    public static IResult Serve(HttpContext context, string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!(name.EndsWith(".css", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal)) || Find(folder + "/" + name) is not { } text)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(text, ContentType(name));
    }
}
