namespace Switchboard.Api.Auth;

/// <summary>An authenticated API caller: the token's subject (the agent id for agents) and its roles.</summary>
/// <param name="Subject">Token subject; for agents this is the agent id they may act on.</param>
/// <param name="Roles">Roles granted (see <see cref="ApiRoles"/>).</param>
/// <param name="Method">How the caller authenticated: <c>static</c> or <c>jwt</c>.</param>
public sealed record ApiCaller(string Subject, IReadOnlySet<string> Roles, string Method)
{
    /// <summary>True when the caller has <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role);
}
