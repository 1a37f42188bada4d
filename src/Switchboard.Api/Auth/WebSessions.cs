using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Switchboard.Acd.Web;

namespace Switchboard.Api.Auth;

/// <summary>
/// Begins, checks and ends browser sessions (<see cref="WebSessionStore"/>). A session is begun from an API token
/// checked by <see cref="BearerTokenValidator"/>; it holds the identity and roles, never the token. Every check looks the
/// session up in Redis (so a sign-out on any node ends it everywhere) and checks the token again: a static key removed
/// from the configuration ends the session (revoked, logged), a JWT's expiry bounds it. State-changing requests must
/// carry the session's anti-forgery token (form field or <see cref="WebSessionDefaults.CsrfHeader"/>).
/// </summary>
public sealed class WebSessions(WebSessionStore store, StaticTokenSet staticTokens, TimeProvider timeProvider, ILoggerFactory loggers)
{
    private readonly ILogger _security = loggers.CreateLogger(WebSecurityLog.Category);

    /// <summary>Stores a session for <paramref name="caller"/> signed in with <paramref name="token"/>; returns the session id.</summary>
    public Task<string> BeginAsync(ApiCaller caller, string token, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(token);
        var now = timeProvider.GetUtcNow();
        var expires = now + lifetime;
        var tokenHash = string.Empty;
        if (string.Equals(caller.Method, "static", StringComparison.Ordinal))
        {
            tokenHash = WebSessionStore.Hash(token);
        }
        else if (new JsonWebToken(token).ValidTo is var validTo && validTo > DateTime.MinValue && validTo < expires.UtcDateTime)
        {
            expires = new DateTimeOffset(validTo, TimeSpan.Zero);
        }

        var session = new WebSession(caller.Subject, [.. caller.Roles], caller.Method, tokenHash, now, expires, WebSessionStore.RandomToken());
        return store.CreateAsync(session, cancellationToken);
    }

    /// <summary>
    /// The session of <paramref name="context"/>'s cookie. With <paramref name="csrf"/> (the token the request carried;
    /// pass null for requests that change nothing) the session's anti-forgery token must match, else the request is
    /// refused and logged.
    /// </summary>
    public async Task<WebSessionCheck> CheckAsync(HttpContext context, string? csrf, bool requireCsrf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request.Cookies[WebSessionDefaults.CookieName];
        if (string.IsNullOrEmpty(id))
        {
            return WebSessionCheck.None;
        }

        var source = Source(context);
        var session = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            WebSecurityLog.SessionUnknown(_security, source);
            return new WebSessionCheck(id, null, null, "unknown or expired session");
        }

        if (session.TokenHash.Length > 0 && !staticTokens.ContainsHash(session.TokenHash))
        {
            await store.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
            WebSecurityLog.SessionRevoked(_security, source, "its API token is no longer configured");
            return new WebSessionCheck(id, null, null, "the session's token is no longer valid");
        }

        if (requireCsrf && !SameToken(csrf, session.Csrf))
        {
            WebSecurityLog.CsrfRefused(_security, source, context.Request.Path.Value ?? "/");
            return new WebSessionCheck(id, session, null, "anti-forgery token missing or wrong");
        }

        var caller = new ApiCaller(session.Subject, new HashSet<string>(session.Roles, StringComparer.Ordinal), session.Method);
        return new WebSessionCheck(id, session, caller, null);
    }

    /// <summary>Ends the session of <paramref name="id"/> (sign-out) and logs it.</summary>
    public async Task EndAsync(HttpContext context, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await store.RemoveAsync(id, cancellationToken).ConfigureAwait(false))
        {
            WebSecurityLog.SessionRevoked(_security, Source(context), "signed out");
        }
    }

    /// <summary>The request's source address (after forwarded headers from configured proxies) for security events.</summary>
    public static string Source(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>Compares two anti-forgery tokens in constant time.</summary>
    public static bool SameToken(string? given, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (string.IsNullOrEmpty(given) || expected.Length == 0)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
