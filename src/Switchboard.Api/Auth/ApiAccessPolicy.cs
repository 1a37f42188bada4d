namespace Switchboard.Api.Auth;

/// <summary>Which role each gRPC service needs; methods of unknown services are denied.</summary>
public static class ApiAccessPolicy
{
    private const string AgentPrefix = "/switchboard.agent.v1.AgentService/";
    private const string SupervisorPrefix = "/switchboard.supervisor.v1.SupervisorService/";

    /// <summary>The role needed for a full method name such as <c>/switchboard.agent.v1.AgentService/SignIn</c>; null: nobody.</summary>
    public static string? RequiredRole(string method) => method switch
    {
        _ when method.StartsWith(AgentPrefix, StringComparison.Ordinal) => ApiRoles.Agent,
        _ when method.StartsWith(SupervisorPrefix, StringComparison.Ordinal) => ApiRoles.Supervisor,
        _ => null,
    };
}
