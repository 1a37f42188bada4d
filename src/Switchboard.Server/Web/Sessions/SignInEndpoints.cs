using System.Net;
using Switchboard.Acd.Web;
using Switchboard.Api.Auth;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// The shared sign-in of the wallboard and console on <c>Web:Url</c>: <c>GET /signin?next=/console</c> (the form, with
/// a pre-session anti-forgery token in a short-lived HttpOnly cookie and a hidden field), <c>POST /signin</c>
/// (throttled per source, anti-forgery checked, token checked like the API's, then a server-side session and its
/// random id in the <see cref="WebSessionDefaults.CookieName"/> cookie) and <c>POST /signout</c> (the session's
/// anti-forgery token required; the session is deleted in Redis, so the old cookie no longer works anywhere).
/// </summary>
public static class SignInEndpoints
{
    /// <summary>The pre-session anti-forgery cookie of the sign-in form.</summary>
    public const string SignInCookie = "sb_signin";

    /// <summary>Maps <c>/signin</c> and <c>/signout</c>.</summary>
    public static IEndpointConventionBuilder MapSwitchboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/signin", (HttpContext context, string? next) => Form(context, Target(next), null, StatusCodes.Status200OK));
        group.MapPost("/signin", SignInAsync).DisableAntiforgery();
        group.MapPost("/signout", SignOutAsync).DisableAntiforgery();
        return group;
    }

    /// <summary>Where a sign-in may lead: the wallboard or the console (anything else goes to the console).</summary>
    public static string Target(string? next) => next is "/wallboard" ? "/wallboard" : "/console";

    /// <summary>The sign-in URL that leads back to <paramref name="page"/>.</summary>
    public static string SignInUrl(string page) => "/signin?next=" + Uri.EscapeDataString(Target(page));

    private static IResult Form(HttpContext context, string next, string? error, int status)
    {
        var csrf = WebSessionStore.RandomToken();
        context.Response.Cookies.Append(SignInCookie, csrf, Cookie(context, "/", TimeSpan.FromMinutes(15)));
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var what = next == "/wallboard"
            ? "Logga in med din token för rollen supervisor (samma som för sbctl och gRPC-API:t) för att se svarsgrupperna."
            : "Logga in med din token (samma som för sbctl och gRPC-API:t). Handläggare och supervisorer har var sin.";
        var html = WebAssets.Text("console/signin.html")
            .Replace("{{error}}", message, StringComparison.Ordinal)
            .Replace("{{what}}", WebUtility.HtmlEncode(what), StringComparison.Ordinal)
            .Replace("{{csrf}}", csrf, StringComparison.Ordinal)
            .Replace("{{next}}", next, StringComparison.Ordinal);
        return WebPageHeaders.Page(context, html, status);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, BearerTokenValidator validator, WebSessions sessions, WebSessionStore store, WebSessionOptions options, WebSecurityEvents events, ILoggerFactory loggers)
    {
        var security = loggers.CreateLogger(WebSecurityLog.Category);
        var source = WebSessions.Source(context);
        var attempts = await store.CountSignInAttemptAsync(source, options.SignInWindow, context.RequestAborted).ConfigureAwait(false);
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : null;
        var next = Target(form?["next"].ToString());
        if (attempts > options.SignInAttempts)
        {
            WebSecurityLog.SignInThrottled(security, source, attempts);
            events.Count(WebSecurityEvents.SignInThrottled);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.SignInWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Form(context, next, "För många inloggningsförsök. Vänta en stund och försök igen.", StatusCodes.Status429TooManyRequests);
        }

        if (form is null || !WebSessions.SameToken(form["csrf"].ToString(), context.Request.Cookies[SignInCookie] ?? string.Empty))
        {
            WebSecurityLog.CsrfRefused(security, source, "/signin");
            return Form(context, next, "Formuläret har gått ut. Försök igen.", StatusCodes.Status400BadRequest);
        }

        var token = form["token"].ToString().Trim();
        if (token.Length == 0)
        {
            return Form(context, next, "Ange en token.", StatusCodes.Status400BadRequest);
        }

        var result = await validator.ValidateAsync("Bearer " + token).ConfigureAwait(false);
        if (result.Caller is not { } caller)
        {
            WebSecurityLog.SignInFailed(security, source, "invalid or expired token");
            events.Count(WebSecurityEvents.SignInFailed);
            return Form(context, next, "Ogiltig eller utgången token.", StatusCodes.Status401Unauthorized);
        }

        var role = caller.IsInRole(ApiRoles.Supervisor) ? ApiRoles.Supervisor : caller.IsInRole(ApiRoles.Agent) ? ApiRoles.Agent : null;
        if (role is null || (next == "/wallboard" && role != ApiRoles.Supervisor))
        {
            WebSecurityLog.SignInFailed(security, source, next == "/wallboard" ? "not a supervisor token (wallboard)" : "no agent or supervisor role");
            events.Count(WebSecurityEvents.SignInFailed);
            return Form(context, next, next == "/wallboard" ? "Tokenen saknar rollen supervisor." : "Tokenen saknar rollen agent eller supervisor.", StatusCodes.Status403Forbidden);
        }

        // A new session id at every sign-in (no fixation): an earlier session of this browser ends.
        if (context.Request.Cookies[WebSessionDefaults.CookieName] is { Length: > 0 } previous)
        {
            await sessions.EndAsync(context, previous, context.RequestAborted).ConfigureAwait(false);
        }

        var id = await sessions.BeginAsync(caller, token, options.Lifetime, context.RequestAborted).ConfigureAwait(false);
        context.Response.Cookies.Append(WebSessionDefaults.CookieName, id, Cookie(context, "/", options.Lifetime));
        context.Response.Cookies.Delete(SignInCookie, Cookie(context, "/", null));
        WebSecurityLog.SignedIn(security, source, role);
        return Results.Redirect(next, permanent: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, WebSessions sessions)
    {
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : null;
        var next = Target(form?["next"].ToString());
        var check = await sessions.CheckAsync(context, form?["csrf"].ToString(), requireCsrf: true, context.RequestAborted).ConfigureAwait(false);
        if (check.Session is not null && check.Caller is null)
        {
            // A live session but no (or a wrong) anti-forgery token: another site's form. The session stays.
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        if (check.Id is { } id)
        {
            await sessions.EndAsync(context, id, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.Cookies.Delete(WebSessionDefaults.CookieName, Cookie(context, "/", null));
        return Results.Redirect(SignInUrl(next), permanent: false);
    }

    /// <summary>HttpOnly, SameSite=Strict, Secure when the request came over HTTPS (directly or through a configured proxy).</summary>
    internal static CookieOptions Cookie(HttpContext context, string path, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = path,
        IsEssential = true,
        MaxAge = maxAge,
    };
}
