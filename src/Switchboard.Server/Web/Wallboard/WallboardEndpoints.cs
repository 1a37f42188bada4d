using Microsoft.AspNetCore.Http.Features;
using Switchboard.Acd.Statistics;
using Switchboard.Api.Auth;
using Switchboard.Api.Supervisors;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Web.Sessions;

namespace Switchboard.Server.Web.Wallboard;

/// <summary>
/// The wallboard on <c>Web:Url</c>: <c>GET /wallboard</c> (the page; without a supervisor's session a redirect to the
/// shared sign-in, <see cref="SignInEndpoints"/>), <c>GET /wallboard/events</c> (server-sent events with the live figures
/// once a second; 401 without a session; ends when the session does) and <c>/wallboard/assets/*</c>.
/// </summary>
public static class WallboardEndpoints
{
    /// <summary>How often the events stream sends figures.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Maps the wallboard's routes under <c>/wallboard</c>.</summary>
    public static RouteGroupBuilder MapSwitchboardWallboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/wallboard");
        group.MapGet("/", PageAsync);
        group.MapGet("/signin", () => Results.Redirect(SignInEndpoints.SignInUrl("/wallboard"), permanent: false));
        group.MapGet("/assets/{name}", (string name, HttpContext context) => WebAssets.Serve(context, "wallboard", name));
        group.MapGet("/events", EventsAsync);
        return group;
    }

    private static async Task<ApiCaller?> SupervisorAsync(HttpContext context, WebSessions sessions)
    {
        var check = await sessions.CheckAsync(context, csrf: null, requireCsrf: false, context.RequestAborted).ConfigureAwait(false);
        return check.Caller is { } caller && await WebPagePolicies.AllowsAsync(context, caller, ApiPolicies.Supervisor).ConfigureAwait(false) ? caller : null;
    }

    private static async Task<IResult> PageAsync(HttpContext context, WebSessions sessions)
    {
        var check = await sessions.CheckAsync(context, csrf: null, requireCsrf: false, context.RequestAborted).ConfigureAwait(false);
        if (check is not { Caller: { } caller, Session: { } session } || !await WebPagePolicies.AllowsAsync(context, caller, ApiPolicies.Supervisor).ConfigureAwait(false))
        {
            return Results.Redirect(SignInEndpoints.SignInUrl("/wallboard"), permanent: false);
        }

        return WebPageHeaders.Page(context, WebAssets.Text("wallboard/wallboard.html").Replace("{{csrf}}", session.Csrf, StringComparison.Ordinal));
    }

    private static async Task EventsAsync(
        HttpContext context, WebSessions sessions, LiveStatistics live, StatisticsOptions statistics, DialplanRegistry dialplans, TimeProvider timeProvider, ILoggerFactory loggers)
    {
        if (await SupervisorAsync(context, sessions).ConfigureAwait(false) is null)
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
                if (await SupervisorAsync(context, sessions).ConfigureAwait(false) is null)
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
}
