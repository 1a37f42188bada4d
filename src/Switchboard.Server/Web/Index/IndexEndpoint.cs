using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Versions;

namespace Switchboard.Server.Web.Index;

/// <summary>
/// <c>GET /</c> on <c>Web:Url</c>: a small page saying whether the line is open now (the dialplan in force, its
/// emergency message and a supervisor's live override included) and linking the console, the wallboard, <c>/healthz</c>,
/// <c>/metrics</c> and names the documentation. No personal data and no figures: it needs no sign-in.
/// </summary>
public static class IndexEndpoint
{
    private const string Security = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Maps <c>GET /</c>.</summary>
    public static RouteHandlerBuilder MapSwitchboardIndex(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet("/", (HttpContext context, DialplanRegistry dialplans, TimeProvider time) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Security;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(Page(LineText(dialplans, time.GetUtcNow())), "text/html; charset=utf-8");
        });
    }

    /// <summary>One sentence: open or closed now, why, and until when (or when it opens).</summary>
    public static string LineText(DialplanRegistry dialplans, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dialplans);
        var dialplan = dialplans.Current;
        var forecast = OpeningForecast.At(dialplan.Hours, dialplan.TimeZone, now);
        var head = $"{dialplan.Name} ({dialplan.TimeZone.Id}, {forecast.LocalTime:yyyy-MM-dd HH:mm}): ";
        if (dialplan.Emergency is { Enabled: true, Closed: true })
        {
            return head + "closed now by the emergency message.";
        }

        if (dialplans.LiveOverride is { } live && (live.Until is null || now < live.Until))
        {
            var until = live.Until is { } u ? $" until {TimeZoneInfo.ConvertTime(u, dialplan.TimeZone):yyyy-MM-dd HH:mm}" : " until a supervisor removes it";
            return head + $"{(live.Open ? "open" : "closed")} now by a supervisor's override{until}.";
        }

        var change = forecast.ChangesAt is { } at
            ? $", {(forecast.Open ? "until" : "opens")} {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"
            : forecast.Open ? ", around the clock" : string.Empty;
        return head + $"{(forecast.Open ? "open" : "closed")} now ({forecast.Reason}){change}.";
    }

    private static string Page(string line)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Switchboard</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}</style></head><body>")
            .Append("<h1>Switchboard</h1>")
            .Append("<p id=\"line\">").Append(WebUtility.HtmlEncode(line)).Append("</p><ul>")
            .Append("<li><a href=\"/console\">Console</a>: the agent page and the supervisor pages (sign-in with an API token)</li>")
            .Append("<li><a href=\"/wallboard\">Wallboard</a> (supervisor sign-in with an API token)</li>")
            .Append("<li><a href=\"/healthz\">/healthz</a>: SIP and Redis health</li>")
            .Append("<li><a href=\"/metrics\">/metrics</a>: Prometheus figures</li>")
            .Append("<li>Documentation: <code>docs/index.md</code> in the source tree; <code>sbctl --help</code> for the command line</li>")
            .Append("</ul></body></html>");
        return html.ToString();
    }
}
