using Grpc.Core;

namespace Switchboard.Api.Auth;

/// <summary>Access to the caller that <see cref="ApiAuthInterceptor"/> authenticated.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The authenticated caller; <see cref="StatusCode.Unauthenticated"/> when the interceptor did not run.</summary>
    public static ApiCaller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(ApiAuthInterceptor.CallerKey, out var value) && value is ApiCaller caller
            ? caller
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "not authenticated"));
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
