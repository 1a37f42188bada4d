using Grpc.Core;

namespace Switchboard.Api.Auth;

/// <summary>Access to the caller that ASP.NET Core authentication established for a gRPC call.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The authenticated caller; <see cref="StatusCode.Unauthenticated"/> when the call was not authenticated.</summary>
    public static ApiCaller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiCaller.FromPrincipal(context.GetHttpContext().User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "not authenticated"));
    }

    /// <summary>
    /// The agent id the caller may act on: the token subject. A non-empty <paramref name="requestedAgentId"/>
    /// that differs gives <see cref="StatusCode.PermissionDenied"/>.
    /// </summary>
    public static string OwnAgentId(this ServerCallContext context, string? requestedAgentId)
    {
        var caller = context.GetCaller();
        if (!caller.IsInRole(ApiRoles.Agent))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "agent role required"));
        }

        if (!string.IsNullOrEmpty(requestedAgentId) && !string.Equals(requestedAgentId, caller.Subject, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "an agent may act only on their own agent id"));
        }

        return caller.Subject;
    }
}
