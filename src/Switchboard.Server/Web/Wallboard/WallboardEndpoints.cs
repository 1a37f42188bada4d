using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Switchboard.Acd.Statistics;
using Switchboard.Api.Auth;
using Switchboard.Api.Supervisors;
using Switchboard.Dialplan.Versions;

namespace Switchboard.Server.Web.Wallboard;

/// <summary>
/// The wallboard on <c>Web:Url</c>: <c>GET /wallboard</c> (the page; without a supervisor sign-in a redirect to the
/// sign-in page), <c>GET/POST /wallboard/signin</c>, <c>POST /wallboard/signout</c>, <c>GET /wallboard/events</c>
/// (server-sent events with the live figures once a second; 401 without sign-in) and <c>/wallboard/assets/*</c>.
/// </summary>
public static class WallboardEndpoints
{
    /// <summary>How often the events stream sends figures.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const string Security = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Maps the wallboard's routes under <c>/wallboard</c>.</summary>
    public static RouteGroupBuilder MapSwitchboardWallboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/wallboard");
        group.MapGet("/", PageAsync);
        group.MapGet("/signin", (HttpContext context) => SignInPage(context, null, StatusCodes.Status200OK));
        group.MapPost("/signin", SignInAsync).DisableAntiforgery();
        group.MapPost("/signout", (HttpContext context) =>
        {
            WallboardSession.Clear(context);
            return Results.Redirect("/wallboard/signin", permanent: false);
        }).DisableAntiforgery();
        group.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!WallboardAssets.IsPublic(name))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(WallboardAssets.Text(name), WallboardAssets.ContentType(name));
        });
        group.MapGet("/events", EventsAsync);
        return group;
    }

    private static async Task<IResult> PageAsync(HttpContext context, BearerTokenValidator validator)
    {
        if (await WallboardSession.SupervisorAsync(context, validator).ConfigureAwait(false) is null)
        {
            return Results.Redirect("/wallboard/signin", permanent: false);
        }

        Harden(context);
        return Results.Text(WallboardAssets.Text("wallboard.html"), WallboardAssets.ContentType(".html"));
    }

    private static IResult SignInPage(HttpContext context, string? error, int status)
    {
        Harden(context);
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = WallboardAssets.Text("signin.html").Replace("{{error}}", message, StringComparison.Ordinal);
        return Results.Text(html, WallboardAssets.ContentType(".html"), statusCode: status);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, BearerTokenValidator validator, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Switchboard.Wallboard");
        if (!context.Request.HasFormContentType)
        {
            return SignInPage(context, "Ange en token.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var token = form["token"].ToString();
        var (caller, error) = await WallboardSession.SignInAsync(token, validator).ConfigureAwait(false);
        if (caller is null)
        {
            WallboardLog.SignInRefused(logger, error ?? "refused");
            return SignInPage(context, error, StatusCodes.Status401Unauthorized);
        }

        WallboardSession.Set(context, token);
        WallboardLog.SignedIn(logger, caller.Subject);
        return Results.Redirect("/wallboard", permanent: false);
    }

    private static async Task EventsAsync(
        HttpContext context, BearerTokenValidator validator, LiveStatistics live, StatisticsOptions statistics, DialplanRegistry dialplans, TimeProvider timeProvider, ILoggerFactory loggers)
    {
        if (await WallboardSession.SupervisorAsync(context, validator).ConfigureAwait(false) is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var logger = loggers.CreateLogger("Switchboard.Wallboard");
        var ct = context.RequestAborted;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await context.Response.WriteAsync("retry: 3000\n\n", ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                if (await WallboardSession.SupervisorAsync(context, validator).ConfigureAwait(false) is null)
                {
                    await context.Response.WriteAsync("event: signedout\ndata: {}\n\n", ct).ConfigureAwait(false);
                    return;
                }

                var queues = WallboardFeed.Queues(dialplans);
                string frame;
                try
                {
                    var snapshot = await live.GetAsync([.. queues.Select(q => q.Id)], ct).ConfigureAwait(false);
                    frame = "data: " + WallboardFeed.ToJson(snapshot, queues, statistics.TimeZoneId) + "\n\n";
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    WallboardLog.FiguresUnavailable(logger, ex.Message);
                    frame = "event: unavailable\ndata: {}\n\n";
                }

                await context.Response.WriteAsync(frame, ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                await Task.Delay(Interval, timeProvider, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    private static void Harden(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = Security;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
