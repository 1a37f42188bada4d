using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Api.Auth;

/// <summary>
/// Authenticates the browser's gRPC-Web calls by the session cookie (<see cref="WebSessionDefaults.CookieName"/>)
/// plus the session's anti-forgery token in <see cref="WebSessionDefaults.CsrfHeader"/>: every call needs both, so a
/// page of another site cannot make the browser call the API with the cookie. Requests with an <c>authorization</c>
/// header or without the cookie are left to the bearer schemes. The caller is the session's identity, authorized by
/// the same policies as a bearer token (<see cref="ApiPolicies"/>).
/// </summary>
public sealed class WebSessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WebSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count > 0 || !Request.Cookies.ContainsKey(WebSessionDefaults.CookieName))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await sessions.CheckAsync(Context, Request.Headers[WebSessionDefaults.CsrfHeader].ToString(), requireCsrf: true, Context.RequestAborted).ConfigureAwait(false);
        return check.Caller is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail(check.Failure ?? "not signed in");
    }
}
