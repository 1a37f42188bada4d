namespace Switchboard.Server.Web;

/// <summary>The response headers of every page of the wallboard and console: a strict content security policy (scripts and
/// styles from this server only, no inline script), no sniffing, no caching, no referrer, no framing.</summary>
public static class WebPageHeaders
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; media-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Sets the headers on <paramref name="context"/>'s response.</summary>
    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>An HTML page with the headers applied.</summary>
    public static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        Apply(context);
        return Results.Text(html, WebAssets.ContentType(".html"), statusCode: status);
    }
}
