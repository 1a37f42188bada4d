using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Switchboard.Acd.Store;
using Switchboard.Acd.Web;
using Switchboard.Api.Auth;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// Makes a failed bearer token on the gRPC API a security event, like a failed web sign-in: when a request that
/// carries <c>authorization: Bearer ...</c> is challenged (401, gRPC UNAUTHENTICATED: the token is unknown, expired or
/// badly signed), the failure is counted in the source's sign-in attempt counter shared in Redis (so web sign-in
/// from a source that keeps guessing tokens is throttled too), written as event 4206 with the source address only
/// (never the token) until the source passes <c>Web:Sessions:SignInAttempts</c> in the window (then one 4207 line,
/// and only counting), and counted on <c>/metrics</c>. Everything else is ASP.NET Core's default handling.
/// </summary>
public sealed class BearerFailureHandler(WebSessionStore store, WebSessionOptions options, WebSecurityEvents events, ILoggerFactory loggers)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly ILogger _security = loggers.CreateLogger(WebSecurityLog.Category);

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged && StaticTokenAuthenticationHandler.BearerToken(context.Request.Headers.Authorization.ToString()) is not null)
        {
            await RecordAsync(context).ConfigureAwait(false);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context)
    {
        var source = WebSessions.Source(context);
        events.Count(WebSecurityEvents.BearerFailed);
        long failures;
        try
        {
            failures = await store.CountSignInAttemptAsync(source, options.SignInWindow, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            failures = 0; // Redis is down: still written, with no count
        }

        if (failures <= options.SignInAttempts)
        {
            WebSecurityLog.BearerFailed(_security, source, context.Request.Path.Value ?? "/", failures);
        }
        else if (failures == options.SignInAttempts + 1)
        {
            WebSecurityLog.BearerFailuresOverLimit(_security, source, options.SignInAttempts);
        }
    }
}
