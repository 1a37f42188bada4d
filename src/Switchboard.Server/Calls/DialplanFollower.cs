using Switchboard.Acd.Dialplans;
using Switchboard.Acd.Live;
using Switchboard.Api.Live;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Server.Calls;

/// <summary>
/// Keeps this node's <see cref="Dialplan.Versions.DialplanRegistry"/> on what supervisors change through the API, without
/// a restart: published dialplan versions, the emergency message and edited opening hours (stored in Redis, announced over
/// pub/sub). Calls already running keep the version they started with; new calls get the new one. Queues of a new
/// version are configured in the ACD.
/// </summary>
public sealed class DialplanFollower(CallContext context, DialplanVersionStore versions, LiveSettingsStore live) : BackgroundService
{
    private DialplanDefinition? _base;
    private EmergencyMessage? _emergency;
    private OpeningHours? _hours;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _base = context.Dialplans.Current;
        var promptDirectory = _base.PromptDirectory;
        var sourcePath = _base.SourcePath;
        try
        {
            var current = await versions.GetCurrentSequenceAsync(stoppingToken).ConfigureAwait(false);
            if (current > 0)
            {
                await ApplyVersionAsync(current, promptDirectory, sourcePath, stoppingToken).ConfigureAwait(false);
            }

            await ReadEmergencyAsync(stoppingToken).ConfigureAwait(false);
            await ReadHoursAsync(stoppingToken).ConfigureAwait(false);
            Publish();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.DialplanFollowFailed(context.Logger, 0, ex.Message);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in live.WatchAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (DialplanVersionStore.TryParseChange(change, out var sequence))
                    {
                        await ApplyVersionAsync(sequence, promptDirectory, sourcePath, stoppingToken).ConfigureAwait(false);
                    }
                    else if (change == LiveSettingsStore.EmergencyChanged)
                    {
                        await ReadEmergencyAsync(stoppingToken).ConfigureAwait(false);
                    }
                    else if (change == LiveSettingsStore.HoursChanged)
                    {
                        await ReadHoursAsync(stoppingToken).ConfigureAwait(false);
                    }
                    else
                    {
                        continue;
                    }

                    Publish();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                CallLog.DialplanFollowFailed(context.Logger, -1, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), context.TimeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyVersionAsync(long sequence, string promptDirectory, string sourcePath, CancellationToken cancellationToken)
    {
        if (await versions.GetAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } version)
        {
            return;
        }

        // prompt_dir resolves against the configured file's folder, as at start (passing DialplanLoadOptions.PromptDirectory
        // makes the loader reject the prompt_dir key).
        var loaded = DialplanLoader.LoadFromText(version.Yaml, sourcePath);
        if (!loaded.IsValid)
        {
            CallLog.DialplanFollowFailed(context.Logger, sequence, loaded.Errors.FirstOrDefault()?.ToString() ?? "invalid");
            return;
        }

        var plan = loaded.Dialplan!;
        if (!string.Equals(plan.PromptDirectory, promptDirectory, StringComparison.Ordinal))
        {
            CallLog.DialplanFollowFailed(context.Logger, sequence, $"prompt_dir changed to {plan.PromptDirectory}; prompts stay loaded from {promptDirectory}");
        }

        _base = plan;
        foreach (var queue in plan.Queues.Values)
        {
            await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(queue), cancellationToken).ConfigureAwait(false);
        }

        CallLog.DialplanFollowed(context.Logger, sequence, plan.Version);
    }

    private async Task ReadEmergencyAsync(CancellationToken cancellationToken)
    {
        // Never set (no author, no time): null, the dialplan's own emergency block applies.
        _emergency = LiveSettingsMapper.ToDialplan(await live.GetEmergencyAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task ReadHoursAsync(CancellationToken cancellationToken)
    {
        var hours = await live.GetHoursAsync(cancellationToken).ConfigureAwait(false);
        _hours = hours is null ? null : OpeningHoursMapper.ToDialplan(hours, out _);
    }

    private void Publish()
    {
        var plan = _base!;
        if (_emergency is null && _hours is null && ReferenceEquals(plan, context.Dialplans.Current))
        {
            return;
        }

        var effective = plan with { Emergency = _emergency ?? plan.Emergency, Hours = _hours ?? plan.Hours };
        if (!ReferenceEquals(effective, context.Dialplans.Current))
        {
            context.Dialplans.Publish(effective);
            CallLog.LiveSettingsApplied(context.Logger, effective.Version, effective.Emergency.Enabled, _hours is not null);
        }
    }
}
