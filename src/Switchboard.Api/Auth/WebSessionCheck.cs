using Switchboard.Acd.Web;

namespace Switchboard.Api.Auth;

/// <summary>What checking a browser request's session found: the session and its caller, or why there is none.</summary>
/// <param name="Id">The session id from the cookie (null when there was no cookie).</param>
/// <param name="Session">The live session, or null.</param>
/// <param name="Caller">The caller the session stands for, or null.</param>
/// <param name="Failure">Why the request has no session (null on success or when no cookie was sent).</param>
public sealed record WebSessionCheck(string? Id, WebSession? Session, ApiCaller? Caller, string? Failure)
{
    /// <summary>No cookie: not signed in, nothing to report.</summary>
    public static WebSessionCheck None { get; } = new(null, null, null, null);
}
