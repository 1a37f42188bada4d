namespace Switchboard.Api.Auth;

/// <summary>Which role each gRPC service needs; methods of unknown services are denied.</summary>
public static class ApiAccessPolicy
{
    private const string AgentPrefix = "/switchboard.agent.v1.AgentService/";
    private const string SupervisorPrefix = "/switchboard.supervisor.v1.SupervisorService/";

    /// <summary>
    /// Reports and live statistics: supervisors only, named one by one so that moving them to another service
    /// cannot open them by accident (they hold every queue's and agent's figures).
    /// </summary>
    private static readonly HashSet<string> StatisticsMethods = new(StringComparer.Ordinal)
    {
        SupervisorPrefix + "GetQueueReport",
        SupervisorPrefix + "GetAgentReport",
        SupervisorPrefix + "WatchStatistics",
        SupervisorPrefix + "WatchQueues",
    };

    /// <summary>
    /// Callbacks (citizens' phone numbers): named one by one with the role each side needs. Agents act within their
    /// own queues; supervisors list and cancel in all queues.
    /// </summary>
    private static readonly Dictionary<string, string> CallbackMethods = new(StringComparer.Ordinal)
    {
        [AgentPrefix + "ListCallbacks"] = ApiRoles.Agent,
        [AgentPrefix + "ClaimCallback"] = ApiRoles.Agent,
        [AgentPrefix + "CompleteCallback"] = ApiRoles.Agent,
        [AgentPrefix + "CancelCallback"] = ApiRoles.Agent,
        [SupervisorPrefix + "ListCallbacks"] = ApiRoles.Supervisor,
        [SupervisorPrefix + "CancelCallback"] = ApiRoles.Supervisor,
    };

    /// <summary>The role needed for a full method name such as <c>/switchboard.agent.v1.AgentService/SignIn</c>; null: nobody.</summary>
    public static string? RequiredRole(string method) => method switch
    {
        _ when StatisticsMethods.Contains(method) => ApiRoles.Supervisor,
        _ when CallbackMethods.TryGetValue(method, out var role) => role,
        _ when method.StartsWith(AgentPrefix, StringComparison.Ordinal) => ApiRoles.Agent,
        _ when method.StartsWith(SupervisorPrefix, StringComparison.Ordinal) => ApiRoles.Supervisor,
        _ => null,
    };
}
