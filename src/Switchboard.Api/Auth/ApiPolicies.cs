namespace Switchboard.Api.Auth;

/// <summary>
/// The authorization policies of the API (ASP.NET Core authorization; declared on the services with
/// <c>[Authorize(Policy = ...)]</c>). Each needs an authenticated caller — a static key (<see cref="StaticTokenAuthenticationHandler"/>)
/// or a signed JWT (JwtBearer) — with the role of the same name.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Agents: <c>switchboard.agent.v1.AgentService</c>, on their own agent id.</summary>
    public const string Agent = ApiRoles.Agent;

    /// <summary>Supervisors: <c>switchboard.supervisor.v1.SupervisorService</c>, the wallboard.</summary>
    public const string Supervisor = ApiRoles.Supervisor;
}
