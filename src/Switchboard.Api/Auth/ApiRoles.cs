namespace Switchboard.Api.Auth;

/// <summary>Role names carried by bearer tokens (static keys or the JWT <c>role</c> claim).</summary>
public static class ApiRoles
{
    /// <summary>An agent: may use <c>switchboard.agent.v1.AgentService</c> on their own agent id (the token subject).</summary>
    public const string Agent = "agent";

    /// <summary>A supervisor: may use <c>switchboard.supervisor.v1.SupervisorService</c>.</summary>
    public const string Supervisor = "supervisor";
}
