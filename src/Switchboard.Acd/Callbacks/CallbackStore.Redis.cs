using System.Globalization;
using System.Runtime.CompilerServices;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Callbacks;

public sealed partial class CallbackStore
{
    private const string Store = "callback store";

    private async Task<(AcdCommandResult Result, CallbackState State, int Attempts, int MaxAttempts)> TransitionAsync(
        string callbackId,
        string allowed,
        CallbackState newState,
        CallbackOutcome outcome,
        string eventType,
        string? agentId = null,
        DateTimeOffset? retryAt = null,
        int countAttempt = 0,
        CancellationToken cancellationToken = default)
    {
        var purgeAt = _timeProvider.GetUtcNow() + Options.Retention;
        string[] args =
        [
            AcdNames.Check(callbackId, "callback id"),
            allowed,
            newState.ToString(),
            outcome.ToString(),
            eventType,
            AcdNames.CheckOptional(agentId, "agent id") ?? string.Empty,
            retryAt is { } r ? Millis(r) : string.Empty,
            Millis(purgeAt),
            countAttempt.ToString(CultureInfo.InvariantCulture),
            AcdStore.NewOperationId(),
        ];
        var result = (RedisResult[])(await EvalAsync(CallbackScripts.Transition, args, cancellationToken).ConfigureAwait(false))!;
        var code = (string)result[0]! switch
        {
            "Ok" => AcdCommandResult.Ok,
            "NotFound" => AcdCommandResult.NotFound,
            _ => AcdCommandResult.InvalidState,
        };
        var state = Enum.TryParse<CallbackState>((string?)result[1], out var s) ? s : CallbackState.Pending;
        return (code, state, (int)result[2], (int)result[3]);
    }

    private Task EmitAsync(string[] fields, CancellationToken cancellationToken)
    {
        var values = new NameValueEntry[(fields.Length / 2) + 1];
        values[0] = new NameValueEntry("at", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            values[(i / 2) + 1] = new NameValueEntry(fields[i], fields[i + 1]);
        }

        return RunAsync(
            token => _redis.GetDatabase().StreamAddAsync(_acd.EventStreamKey, values, maxLength: _acd.Options.EventStreamMaxLength, useApproximateMaxLength: true).WaitAsync(token),
            cancellationToken);
    }

    private Task<RedisResult> EvalAsync(string script, string[] args, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        var values = new RedisValue[args.Length + 3];
        values[0] = _prefix;
        values[1] = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        values[2] = _acd.Options.EventStreamMaxLength.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < args.Length; i++)
        {
            values[i + 3] = args[i];
        }

        return RunAsync(token => _redis.GetDatabase().ScriptEvaluateAsync(script, _keys, values).WaitAsync(token), cancellationToken, operation);
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        using var span = RedisTracing.StartStore(Store, operation);
        try
        {
            return await _pipeline.ExecuteAsync(async token => await action(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreCalls.IsUnavailable(ex))
        {
            RedisTracing.Failed(span, ex);
            CallbackLog.RedisUnavailable(_logger, ex);
            throw StoreCalls.Unavailable(Store, ex);
        }
    }
}
