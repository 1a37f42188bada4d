using StackExchange.Redis;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    /// <summary>
    /// An agent transfers their answered call to another queue (svarsgrupp): the entry moves to <paramref name="queue"/>
    /// keeping the caller's ORIGINAL place (first enqueue time), the agent goes to wrap-up, and <c>transferred</c>
    /// (call, queue = target, agent, from_queue, handle, place) is appended. The call waits again and is offered as
    /// usual (no escalation steps in the target queue). <see cref="AcdCommandResult.NotFound"/> when the call or the
    /// target queue is unknown; <see cref="AcdCommandResult.InvalidState"/> when the call is not answered.
    /// </summary>
    /// <param name="callId">The answered call.</param>
    /// <param name="queue">The target queue.</param>
    /// <param name="skills">The target queue's skill requirements (empty: any member).</param>
    /// <param name="cancellationToken">Cancels the Redis call.</param>
    public Task<AcdCommandResult> TransferToQueueAsync(string callId, string queue, IReadOnlyList<SkillRequirement> skills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skills);
        return TransferCommandAsync(
            [AcdNames.Check(callId, "call id"), AcdNames.Check(queue, "queue"), AcdEncoding.Requirements(skills), "transferred", string.Empty],
            cancellationToken);
    }

    /// <summary>
    /// An external transfer was not answered and the caller goes back to the queue the call was answered from, at the
    /// original place; the agent goes to wrap-up; <c>transfer_not_answered</c> with <c>returned_to=queue</c> is appended.
    /// </summary>
    public Task<AcdCommandResult> ReturnToQueueAsync(string callId, string target, CancellationToken cancellationToken = default) =>
        TransferCommandAsync([AcdNames.Check(callId, "call id"), string.Empty, "-", "returned", AcdNames.Text(target, "transfer target")], cancellationToken);

    /// <summary>
    /// Appends a transfer event that changes no ACD state: <c>transfer_started</c> (call, queue, agent, target),
    /// <c>transfer_answered</c> (call, queue, agent, target, ring), <c>transfer_not_answered</c> (call, queue, agent,
    /// target, returned_to = <c>agent</c>, reason). Field values must not contain control characters.
    /// </summary>
    /// <param name="type">The event type's wire name, e.g. <c>transfer_started</c>.</param>
    /// <param name="fields">Name/value pairs after <c>type</c>.</param>
    /// <param name="cancellationToken">Cancels the Redis call.</param>
    public Task AppendTransferEventAsync(string type, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (type is not ("transfer_started" or "transfer_answered" or "transfer_not_answered"))
        {
            throw new ArgumentException($"'{type}' is not a transfer event type.", nameof(type));
        }

        var values = new NameValueEntry[fields.Count + 2];
        values[0] = new NameValueEntry("at", NowMillis());
        values[1] = new NameValueEntry("type", type);
        for (var i = 0; i < fields.Count; i++)
        {
            values[i + 2] = new NameValueEntry(fields[i].Key, AcdNames.Text(fields[i].Value, fields[i].Key));
        }

        return RunAsync(
            token => _redis.GetDatabase().StreamAddAsync(EventStreamKey, values, maxLength: Options.EventStreamMaxLength, useApproximateMaxLength: true).WaitAsync(token),
            cancellationToken);
    }

    private async Task<AcdCommandResult> TransferCommandAsync(string[] args, CancellationToken cancellationToken)
    {
        var result = (int)await EvalAsync(AcdScripts.Transfer, args, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            0 => AcdCommandResult.Ok,
            2 => AcdCommandResult.InvalidState,
            _ => AcdCommandResult.NotFound,
        };
    }
}
