namespace Switchboard.Api.Auth;

/// <summary>The names shared by the web pages and the API for browser sessions (wallboard and console).</summary>
public static class WebSessionDefaults
{
    /// <summary>The authentication scheme of browser calls (gRPC-Web with the session cookie and the anti-forgery header).</summary>
    public const string Scheme = "WebSession";

    /// <summary>The session cookie (HttpOnly, SameSite=Strict, path <c>/</c>): a random session id, never a token.</summary>
    public const string CookieName = "sb_session";

    /// <summary>The header carrying the session's anti-forgery token on every browser call to the API.</summary>
    public const string CsrfHeader = "x-csrf-token";
}
