using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Dialplans;
using Switchboard.Api.Live;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Simulation;
using Switchboard.Dialplan.Versions;
using ProtoStep = Switchboard.Api.Supervisor.V1.SimulationStep;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxSimulatedDigits = 32;
    private const int MaxSimulatedLanguageLength = 16;
    private static readonly TimeSpan MaxSimulatedDistance = TimeSpan.FromDays(2 * 366);

    public override async Task<SimulateDialplanResponse> SimulateDialplan(SimulateDialplanRequest request, ServerCallContext context)
    {
        if (request.Digits.Length > MaxSimulatedDigits || request.Digits.Any(c => !char.IsAsciiDigit(c) && c is not ('*' or '#')))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"digits must be at most {MaxSimulatedDigits} keys 0-9, * and #"));
        }

        if (request.Language.Length > MaxSimulatedLanguageLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"language must be at most {MaxSimulatedLanguageLength} characters"));
        }

        var registry = context.GetHttpContext().RequestServices.GetService<DialplanRegistry>();
        DialplanDefinition dialplan;
        if (request.Yaml.Length > 0)
        {
            RequireYaml(request.Yaml);
            var loaded = DialplanLoader.LoadFromText(request.Yaml, DialplanLoaderChecker.SourceName, new DialplanLoadOptions { CheckPromptFiles = false });
            dialplan = loaded.Dialplan ?? throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                "the draft does not load: " + string.Join("; ", loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString()))));
        }
        else
        {
            dialplan = registry?.Current ?? await PublishedWithLiveSettingsAsync(context.CancellationToken).ConfigureAwait(false);
        }

        var now = timeProvider.GetUtcNow();
        var instant = now;
        if (request.LocalTime.Length > 0)
        {
            if (request.LocalTime.Length > 32
                || !DateTime.TryParseExact(request.LocalTime, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "local_time must be yyyy-MM-ddTHH:mm"));
            }

            instant = OpeningHoursEvaluator.ToInstant(local, dialplan.TimeZone);
            if ((instant - now).Duration() > MaxSimulatedDistance)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "local_time must be within 2 years of now"));
            }
        }

        var result = DialplanSimulator.Run(
            dialplan, instant, request.Digits, language: request.Language.Length > 0 ? request.Language : null, liveOverride: request.Yaml.Length > 0 ? null : registry?.LiveOverride);
        return ToProto(dialplan, result);
    }

    /// <summary>The published dialplan with the live hours and emergency message applied, as a node applies them.</summary>
    private async Task<DialplanDefinition> PublishedWithLiveSettingsAsync(CancellationToken cancellationToken)
    {
        var plan = await LoadPublishedAsync(cancellationToken).ConfigureAwait(false);
        var hours = await settings.GetHoursAsync(cancellationToken).ConfigureAwait(false);
        var emergency = LiveSettingsMapper.ToDialplan(await settings.GetEmergencyAsync(cancellationToken).ConfigureAwait(false));
        return plan with
        {
            Hours = (hours is null ? null : OpeningHoursMapper.ToDialplan(hours, out _)) ?? plan.Hours,
            Emergency = emergency ?? plan.Emergency,
        };
    }

    private static SimulateDialplanResponse ToProto(DialplanDefinition dialplan, SimulationResult result)
    {
        var response = new SimulateDialplanResponse
        {
            Dialplan = dialplan.Name,
            Version = dialplan.Version,
            LocalTime = result.Status.LocalTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            TimeZone = dialplan.TimeZone.Id,
            Open = result.Status.Open,
            Reason = result.Status.Reason,
            Outcome = SimulationText.KindName(result.Outcome),
            Queue = result.Outcome.Queue ?? "",
            Target = result.Outcome.Target ?? "",
            Language = result.Language,
            UnusedDigits = result.UnusedDigits,
            Note = SimulationText.UnusedNote(result) ?? "",
        };
        foreach (var step in result.Steps)
        {
            var item = new ProtoStep { Event = SimulationText.Event(step.Event) };
            item.Commands.AddRange(step.Commands.Select(SimulationText.Command));
            response.Steps.Add(item);
        }

        return response;
    }
}
