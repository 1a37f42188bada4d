using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Live;
using ProtoEmergency = Switchboard.Api.Supervisor.V1.EmergencyMessage;
using ProtoHours = Switchboard.Api.Supervisor.V1.OpeningHours;

namespace Switchboard.Api.Live;

/// <summary>Maps the live settings between the supervisor contract and the records nodes share in Redis (<see cref="LiveSettingsStore"/>).</summary>
public static class LiveSettingsMapper
{
    /// <summary>The contract's hours as the shared record (no validation: see <see cref="OpeningHoursMapper.ToDialplan(LiveHours, out IReadOnlyList{string})"/>).</summary>
    public static LiveHours ToLive(ProtoHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new LiveHours(
            [.. hours.Weekly.Select(w => new LiveWeeklyRange(w.IsoWeekday, w.Range))],
            hours.Lunch,
            hours.HolidaysClosed,
            [.. hours.Exceptions.Select(e => new LiveDatedException(e.Date, e.Closed, [.. e.Hours], [.. e.Prompts], e.Note))],
            DayBeforeHoliday: [.. hours.DayBeforeHoliday]);
    }

    /// <summary>The shared live override as the contract's hours (source <c>live</c>).</summary>
    public static ProtoHours ToProto(LiveHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var result = new ProtoHours
        {
            Lunch = hours.Lunch,
            HolidaysClosed = hours.HolidaysClosed,
            Source = "live",
            UpdatedBy = hours.UpdatedBy,
            UpdatedAt = hours.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        result.Weekly.AddRange(hours.Weekly.Select(w => new Supervisor.V1.WeeklyRange { IsoWeekday = w.IsoWeekday, Range = w.Range }));
        result.DayBeforeHoliday.AddRange(hours.DayBeforeHoliday ?? []);
        foreach (var e in hours.Exceptions)
        {
            var exception = new Supervisor.V1.DatedException { Date = e.Date, Closed = e.Closed, Note = e.Note };
            exception.Hours.AddRange(e.Hours);
            exception.Prompts.AddRange(e.Prompts);
            result.Exceptions.Add(exception);
        }

        return result;
    }

    /// <summary>
    /// The shared emergency setting as the dialplan model callers get, or null when no supervisor ever set it (the
    /// dialplan's own emergency block applies). No prompts named: the prompt <c>emergency</c>.
    /// </summary>
    public static Dialplan.Model.EmergencyMessage? ToDialplan(LiveEmergency emergency)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        return emergency.IsNeverSet
            ? null
            : new Dialplan.Model.EmergencyMessage(
                emergency.Enabled, emergency.Prompts.Count > 0 ? [.. emergency.Prompts] : ["emergency"], emergency.Closed, Dialplan.Model.SourceLocation.None);
    }

    /// <summary>The shared emergency setting as the contract's message.</summary>
    public static ProtoEmergency ToProto(LiveEmergency emergency)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        var message = new ProtoEmergency
        {
            Enabled = emergency.Enabled,
            Closed = emergency.Closed,
            UpdatedBy = emergency.UpdatedBy,
            UpdatedAt = emergency.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        message.Prompts.AddRange(emergency.Prompts);
        return message;
    }
}
