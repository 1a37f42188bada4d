namespace Switchboard.Acd.Web;

/// <summary>
/// A browser session of the wallboard and console, kept in Redis: who signed in (resolved from their API token at
/// sign-in), how the token can be checked again later, and the session's anti-forgery token. The API token itself is
/// never stored: only its SHA-256 for static keys (to notice a key removed from configuration), or a JWT's expiry.
/// </summary>
/// <param name="Subject">The token's subject (agent id for agents).</param>
/// <param name="Roles">The token's roles.</param>
/// <param name="Method">How the token authenticated: <c>static</c> or <c>jwt</c>.</param>
/// <param name="TokenHash">Lower-case hex SHA-256 of a static key; empty for a JWT.</param>
/// <param name="CreatedAt">When the session began.</param>
/// <param name="ExpiresAt">When it ends at the latest (the earlier of the session lifetime and a JWT's expiry).</param>
/// <param name="Csrf">The anti-forgery token the page sends with every state-changing request.</param>
public sealed record WebSession(
    string Subject,
    IReadOnlyList<string> Roles,
    string Method,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string Csrf);
