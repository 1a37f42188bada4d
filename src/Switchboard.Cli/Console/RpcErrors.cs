using Grpc.Core;

namespace Switchboard.Cli.Terminal;

/// <summary>Turns gRPC failures into one readable line and an exit code, so bad input or a dead server never crashes sbctl.</summary>
internal static class RpcErrors
{
    /// <summary>Exit code for a failed call.</summary>
    public const int ExitCode = 1;

    /// <summary>One line: the status in words and the server's detail.</summary>
    public static string Describe(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unauthenticated => $"not authenticated: {ex.Status.Detail} (check --token / SB_TOKEN)",
        StatusCode.PermissionDenied => $"permission denied: {ex.Status.Detail}",
        StatusCode.InvalidArgument => $"invalid argument: {ex.Status.Detail}",
        StatusCode.FailedPrecondition => $"not allowed now: {ex.Status.Detail}",
        StatusCode.NotFound => $"not found: {ex.Status.Detail}",
        StatusCode.Unavailable => $"server unavailable: {ex.Status.Detail}",
        StatusCode.DeadlineExceeded => $"timed out: {ex.Status.Detail}",
        _ => $"{ex.StatusCode}: {ex.Status.Detail}",
    };

    /// <summary>Runs <paramref name="call"/>; on an <see cref="RpcException"/> writes it and returns <see cref="ExitCode"/>.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            error.WriteLine("sbctl: " + Describe(ex));
            return ExitCode;
        }
        catch (HttpRequestException ex)
        {
            error.WriteLine("sbctl: cannot reach the API: " + ex.Message);
            return ExitCode;
        }
    }
}
