using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Callbacks;

namespace Switchboard.Api.Callbacks;

/// <summary>
/// The callback store for an RPC, from the request's services: a node registers it with the callback services
/// (<c>AddSwitchboardCallbacks</c>); without it the callback RPCs answer UNAVAILABLE with a clear message.
/// </summary>
public static class CallbackApiServices
{
    /// <summary>Most callbacks one list returns.</summary>
    public const int MaxList = 200;

    /// <summary>The store, or UNAVAILABLE.</summary>
    public static CallbackStore Store(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext().RequestServices.GetService<CallbackStore>()
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "callbacks are not enabled on this node"));
    }

    /// <summary>A list size: 1..<see cref="MaxList"/>, 0 meaning the maximum; negative is INVALID_ARGUMENT.</summary>
    public static int Limit(int requested) => requested switch
    {
        < 0 => throw new RpcException(new Status(StatusCode.InvalidArgument, "limit must not be negative")),
        0 => MaxList,
        _ => Math.Min(requested, MaxList),
    };

    /// <summary>A callback id from a request: required, and without control characters.</summary>
    public static string RequireId(string callbackId)
    {
        if (string.IsNullOrWhiteSpace(callbackId) || callbackId.Length > 128 || callbackId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "callback_id is required (no spaces, at most 128 characters)"));
        }

        return callbackId;
    }

    /// <summary>The callback, or NOT_FOUND.</summary>
    public static async Task<CallbackEntry> GetAsync(CallbackStore store, string callbackId, CancellationToken cancellationToken) =>
        await store.GetAsync(callbackId, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no callback '{callbackId}'"));
}
