using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Switchboard.Acd.Store;

namespace Switchboard.Api.Hosting;

/// <summary>
/// Turns failures below the services into clear gRPC statuses: Redis/ACD down -> <see cref="StatusCode.Unavailable"/>,
/// bad names -> <see cref="StatusCode.InvalidArgument"/>, anything unexpected -> <see cref="StatusCode.Internal"/> (logged).
/// </summary>
public sealed class ApiErrorInterceptor(ILogger<ApiErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } status)
        {
            throw status;
        }
    }

    /// <summary>The status for <paramref name="exception"/>; null to let it pass unchanged.</summary>
    internal RpcException? Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "cancelled"));
            case StoreUnavailableException:
                ApiLog.BackendUnavailable(logger, context.Method, exception.Message);
                return new RpcException(new Status(StatusCode.Unavailable, "the switchboard store (Redis) is unavailable; try again"));
            case ArgumentException argument:
                return new RpcException(new Status(StatusCode.InvalidArgument, argument.Message));
            default:
                ApiLog.Unexpected(logger, exception, context.Method);
                return new RpcException(new Status(StatusCode.Internal, "internal error"));
        }
    }
}
