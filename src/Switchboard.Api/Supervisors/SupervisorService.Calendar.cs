using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Versions;
using Switchboard.Api.Dialplans;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int MaxCalendarDays = 120;
    private const int DefaultCalendarDays = 28;

    public override async Task<GetOpeningCalendarResponse> GetOpeningCalendar(GetOpeningCalendarRequest request, ServerCallContext context)
    {
        var days = request.Days == 0 ? DefaultCalendarDays : request.Days;
        if (days is < 1 or > MaxCalendarDays)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"days must be 1-{MaxCalendarDays}"));
        }

        var dialplan = await DialplanInForceAsync(context).ConfigureAwait(false);
        var source = "dialplan";
        var hours = dialplan.Hours;
        var live = request.Preview is null ? await settings.GetHoursAsync(context.CancellationToken).ConfigureAwait(false) : LiveSettingsMapper.ToLive(request.Preview);
        if (live is not null)
        {
            hours = OpeningHoursMapper.ToDialplan(live, out var errors)
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "bad opening hours: " + string.Join("; ", errors)));
            source = "live";
        }

        Dialplan.Hours.OpeningHours? queueHours = null;
        if (request.Queue.Length > 0)
        {
            queueHours = dialplan.Queues.TryGetValue(request.Queue, out var queue)
                ? queue.Hours
                : throw new RpcException(new Status(StatusCode.InvalidArgument, $"unknown queue '{request.Queue}'"));
        }

        DateOnly from;
        if (request.From.Length == 0)
        {
            from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), dialplan.TimeZone).DateTime);
        }
        else if (!DateOnly.TryParseExact(request.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"from '{request.From}' is not a date (yyyy-MM-dd)"));
        }

        var response = new GetOpeningCalendarResponse { TimeZone = dialplan.TimeZone.Id, Source = source };
        for (var i = 0; i < days; i++)
        {
            var day = OpeningForecast.ForQueue(hours, queueHours, from.AddDays(i));
            var entry = new CalendarDay
            {
                Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Reason = day.Reason,
                Holiday = day.Holiday?.Name ?? string.Empty,
                Note = day.Note ?? string.Empty,
            };
            entry.Open.AddRange(day.Open.Select(r => r.ToString()));
            response.Days.Add(entry);
        }

        return response;
    }

    public override async Task<Supervisor.V1.EmergencyMessage> GetEmergencyMessage(GetEmergencyMessageRequest request, ServerCallContext context)
    {
        var live = await settings.GetEmergencyAsync(context.CancellationToken).ConfigureAwait(false);
        if (!live.IsNeverSet)
        {
            return LiveSettingsMapper.ToProto(live);
        }

        var own = (await DialplanInForceAsync(context).ConfigureAwait(false)).Emergency;
        var message = new Supervisor.V1.EmergencyMessage { Enabled = own.Enabled, Closed = own.Closed };
        message.Prompts.AddRange(own.Prompts);
        return message;
    }

    /// <summary>
    /// The dialplan this node's callers get (its registry, when the API runs inside a Switchboard node), else the
    /// published version.
    /// </summary>
    private async Task<DialplanDefinition> DialplanInForceAsync(ServerCallContext context)
    {
        if (context.GetHttpContext().RequestServices.GetService<DialplanRegistry>() is { } registry)
        {
            return registry.Current;
        }

        return await LoadPublishedAsync(context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current published version, loaded (FAILED_PRECONDITION when there is none or it does not load).</summary>
    private async Task<DialplanDefinition> LoadPublishedAsync(CancellationToken cancellationToken)
    {
        var current = await dialplans.GetAsync(0, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "no dialplan is published"));
        return DialplanLoader.LoadFromText(current.Yaml, DialplanLoaderChecker.SourceName, new DialplanLoadOptions { CheckPromptFiles = false }).Dialplan
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "the published dialplan does not load"));
    }
}
