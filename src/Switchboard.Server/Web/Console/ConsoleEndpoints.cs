using System.Text.Json;
using Switchboard.Api.Auth;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Web.Sessions;
using Switchboard.Server.Web.Wallboard;

namespace Switchboard.Server.Web.Console;

/// <summary>
/// The web console on <c>Web:Url</c>: <c>GET /console</c> (to the page of the session's role), <c>/console/agent</c>
/// (agents), <c>/console/supervisor</c> (supervisors), <c>/console/me</c> (who is signed in, the queues of the dialplan
/// in force), <c>/console/schema.json</c> (the protos' schema for the gRPC-Web client) and <c>/console/assets/*</c>.
/// Everything the pages do goes through the public gRPC API over gRPC-Web, authorized by the session.
/// </summary>
public static class ConsoleEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the console's routes under <c>/console</c>.</summary>
    public static RouteGroupBuilder MapSwitchboardConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/console");
        group.MapGet("/", async (HttpContext context, WebSessions sessions) =>
        {
            var check = await sessions.CheckAsync(context, csrf: null, requireCsrf: false, context.RequestAborted).ConfigureAwait(false);
            return check.Caller switch
            {
                null => Results.Redirect(SignInEndpoints.SignInUrl("/console"), permanent: false),
                var caller when caller.IsInRole(ApiRoles.Supervisor) => Results.Redirect("/console/supervisor", permanent: false),
                _ => Results.Redirect("/console/agent", permanent: false),
            };
        });
        group.MapGet("/agent", (HttpContext context, WebSessions sessions) => PageAsync(context, sessions, ApiPolicies.Agent, "agent.html"));
        group.MapGet("/supervisor", (HttpContext context, WebSessions sessions) => PageAsync(context, sessions, ApiPolicies.Supervisor, "supervisor.html"));
        group.MapGet("/me", MeAsync);
        group.MapGet("/schema.json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(ProtoSchema.Text, WebAssets.ContentType(".json"));
        });
        group.MapGet("/assets/{name}", (string name, HttpContext context) => WebAssets.Serve(context, "console", name));
        return group;
    }

    private static async Task<IResult> PageAsync(HttpContext context, WebSessions sessions, string policy, string page)
    {
        var check = await sessions.CheckAsync(context, csrf: null, requireCsrf: false, context.RequestAborted).ConfigureAwait(false);
        if (check is not { Caller: { } caller, Session: { } session })
        {
            return Results.Redirect(SignInEndpoints.SignInUrl("/console"), permanent: false);
        }

        if (!await WebPagePolicies.AllowsAsync(context, caller, policy).ConfigureAwait(false))
        {
            // The pages honour the API's policies: an agent never gets a supervisor page (and the API refuses its calls anyway).
            return WebPageHeaders.Page(context, WebAssets.Text("console/forbidden.html"), StatusCodes.Status403Forbidden);
        }

        return WebPageHeaders.Page(context, WebAssets.Text("console/" + page).Replace("{{csrf}}", session.Csrf, StringComparison.Ordinal));
    }

    private static async Task<IResult> MeAsync(HttpContext context, WebSessions sessions, DialplanRegistry dialplans)
    {
        var check = await sessions.CheckAsync(context, csrf: null, requireCsrf: false, context.RequestAborted).ConfigureAwait(false);
        if (check.Caller is not { } caller)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            subject = caller.Subject,
            roles = caller.Roles.Order(StringComparer.Ordinal).ToArray(),
            queues = WallboardFeed.Queues(dialplans).Select(q => new { id = q.Id, name = q.Name }).ToArray(),
        };
        return Results.Text(JsonSerializer.Serialize(body, Json), WebAssets.ContentType(".json"));
    }
}
