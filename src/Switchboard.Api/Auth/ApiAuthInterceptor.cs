using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Switchboard.Api.Auth;

/// <summary>
/// Authenticates every call of the Switchboard services and checks the role the service needs
/// (<see cref="ApiAccessPolicy"/>). No or bad credentials: <see cref="StatusCode.Unauthenticated"/>;
/// wrong role: <see cref="StatusCode.PermissionDenied"/>. Registered per service, so the gRPC health and
/// reflection services stay open.
/// </summary>
public sealed class ApiAuthInterceptor(BearerTokenValidator validator) : Interceptor
{
    /// <summary>Key of the authenticated <see cref="ApiCaller"/> in <see cref="ServerCallContext.UserState"/>.</summary>
    public const string CallerKey = "switchboard.caller";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    /// <summary>Authenticates and authorises one call; stores the caller in the context on success.</summary>
    public async Task<ApiCaller> AuthorizeAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await validator.ValidateAsync(context.RequestHeaders.GetValue("authorization")).ConfigureAwait(false);
        if (result.Caller is null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, result.Error ?? "unauthenticated"));
        }

        var required = ApiAccessPolicy.RequiredRole(context.Method);
        if (required is null || !result.Caller.IsInRole(required))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"role '{required ?? "none"}' required for {context.Method}"));
        }

        context.UserState[CallerKey] = result.Caller;
        return result.Caller;
    }
}
