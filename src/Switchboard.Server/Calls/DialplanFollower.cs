using Switchboard.Api.Dialplans;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Server.Calls;

/// <summary>
/// Keeps this node's <see cref="Dialplan.Versions.DialplanRegistry"/> on the version published through the supervisor API
/// (stored in Redis, announced over pub/sub), without a restart. Calls already running keep the version they started with;
/// new calls get the new one. Queues of the new version are configured in the ACD.
/// </summary>
public sealed class DialplanFollower(CallContext context, DialplanVersionStore versions) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var promptDirectory = context.Dialplans.Current.PromptDirectory;
        var sourcePath = context.Dialplans.Current.SourcePath;
        try
        {
            var current = await versions.GetCurrentSequenceAsync(stoppingToken).ConfigureAwait(false);
            if (current > 0)
            {
                await ApplyAsync(current, promptDirectory, sourcePath, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.DialplanFollowFailed(context.Logger, 0, ex.Message);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var sequence in versions.WatchAsync(stoppingToken).ConfigureAwait(false))
                {
                    await ApplyAsync(sequence, promptDirectory, sourcePath, stoppingToken).ConfigureAwait(false);
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

    private async Task ApplyAsync(long sequence, string promptDirectory, string sourcePath, CancellationToken cancellationToken)
    {
        if (await versions.GetAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } version)
        {
            return;
        }

        // prompt_dir resolves against the configured file's folder, as at start (passing DialplanLoadOptions.PromptDirectory
        // makes the loader reject the prompt_dir key).
        var loaded = DialplanLoader.LoadFromText(version.Yaml, sourcePath);
        if (loaded.Dialplan is { } plan && !string.Equals(plan.PromptDirectory, promptDirectory, StringComparison.Ordinal))
        {
            CallLog.DialplanFollowFailed(context.Logger, sequence, $"prompt_dir changed to {plan.PromptDirectory}; prompts stay loaded from {promptDirectory}");
        }

        if (!loaded.IsValid)
        {
            CallLog.DialplanFollowFailed(context.Logger, sequence, loaded.Errors.FirstOrDefault()?.ToString() ?? "invalid");
            return;
        }

        if (loaded.Dialplan!.Version == context.Dialplans.Current.Version)
        {
            return;
        }

        context.Dialplans.Publish(loaded.Dialplan);
        foreach (var queue in loaded.Dialplan.Queues.Values)
        {
            await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(queue), cancellationToken).ConfigureAwait(false);
        }

        CallLog.DialplanFollowed(context.Logger, sequence, loaded.Dialplan.Version);
    }
}
