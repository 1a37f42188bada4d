using System.Globalization;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>Text output of the supervisor commands.</summary>
internal static class SupervisorText
{
    public static string State(AgentState state) => state switch
    {
        AgentState.SignedOut => "signed_out",
        AgentState.Ready => "ready",
        AgentState.Reserved => "reserved",
        AgentState.OnCall => "on_call",
        AgentState.WrapUp => "wrap_up",
        AgentState.Paused => "paused",
        _ => "unknown",
    };

    public static string Emergency(EmergencyMessage message)
    {
        if (!message.Enabled)
        {
            return $"emergency message off{By(message.UpdatedBy, message.UpdatedAt)}";
        }

        var prompts = message.Prompts.Count == 0 ? "the dialplan's emergency prompts" : string.Join(" ", message.Prompts);
        return $"emergency message on: {prompts}{(message.Closed ? ", then line closed" : ", then the menu")}{By(message.UpdatedBy, message.UpdatedAt)}";
    }

    public static string Agent(AgentSummary agent)
    {
        var state = State(agent.State) + (string.IsNullOrEmpty(agent.PauseReason) ? string.Empty : $" ({agent.PauseReason})");
        var since = agent.StateSince is null ? "-" : agent.StateSince.ToDateTimeOffset().ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var call = string.IsNullOrEmpty(agent.CallId) ? "-" : agent.CallId;
        return $"{agent.AgentId,-16} {state,-18} {since,-8} {call,-20} {string.Join(",", agent.Queues),-24} {agent.PhoneUser}";
    }

    public static string Problem(string file, DialplanProblem problem) =>
        problem.Line > 0 ? $"{file}:{problem.Line}:{problem.Column}: {problem.Severity}: {problem.Message}" : $"{file}: {problem.Severity}: {problem.Message}";

    public static string Version(DialplanVersion version)
    {
        var at = version.PublishedAt is null ? "-" : version.PublishedAt.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hash = version.ContentHash.Length > 12 ? version.ContentHash[..12] : version.ContentHash;
        var rollback = version.RollbackOf > 0 ? $" (rollback of {version.RollbackOf})" : string.Empty;
        var comment = string.IsNullOrEmpty(version.Comment) ? string.Empty : $" \"{version.Comment}\"";
        var summary = string.IsNullOrEmpty(version.ChangeSummary) ? string.Empty : $": {version.ChangeSummary}";
        return $"version {version.Sequence} by {version.PublishedBy} at {at}, sha256 {hash}{rollback}{comment}{summary}";
    }

    public static void WriteHours(TextWriter output, OpeningHours hours)
    {
        output.WriteLine($"opening hours ({hours.Source}{By(hours.UpdatedBy, hours.UpdatedAt)})");
        foreach (var day in hours.Weekly.GroupBy(w => w.IsoWeekday).OrderBy(g => g.Key))
        {
            var name = day.Key is >= 1 and <= 7 ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)(day.Key % 7)) : day.Key.ToString(CultureInfo.InvariantCulture);
            output.WriteLine($"  {name}  {string.Join(", ", day.Select(r => r.Range))}");
        }

        if (hours.Weekly.Count == 0)
        {
            output.WriteLine("  no weekly hours (closed)");
        }

        if (!string.IsNullOrEmpty(hours.Lunch))
        {
            output.WriteLine($"  lunch {hours.Lunch}");
        }

        output.WriteLine($"  public holidays {(hours.HolidaysClosed ? "closed" : "open")}");
        foreach (var exception in hours.Exceptions.OrderBy(e => e.Date, StringComparer.Ordinal))
        {
            var what = exception.Closed ? "closed" : string.Join(", ", exception.Hours);
            var note = string.IsNullOrEmpty(exception.Note) ? string.Empty : $" ({exception.Note})";
            output.WriteLine($"  {exception.Date}  {what}{note}");
        }
    }

    public static void WriteSnapshot(TextWriter output, QueueSnapshot snapshot)
    {
        var at = snapshot.At is null ? "-" : snapshot.At.ToDateTimeOffset().ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        output.WriteLine($"{at}  dialplan version {snapshot.DialplanSequence}{(snapshot.EmergencyEnabled ? "  EMERGENCY MESSAGE ON" : string.Empty)}");
        output.WriteLine($"  {"QUEUE",-20} {"WAITING",7} {"LONGEST",8} {"READY",5} {"BUSY",5} {"PAUSED",6} {"ANSWERED",8} {"ABANDONED",9}");
        foreach (var q in snapshot.Queues)
        {
            var longest = AgentText.Duration(q.LongestWait?.ToTimeSpan() ?? TimeSpan.Zero);
            output.WriteLine($"  {q.Queue,-20} {q.Waiting,7} {longest,8} {q.AgentsReady,5} {q.AgentsBusy,5} {q.AgentsPaused,6} {q.AnsweredToday,8} {q.AbandonedToday,9}");
        }
    }

    private static string By(string who, Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        string.IsNullOrEmpty(who) ? string.Empty : $", by {who}{(at is null ? string.Empty : " at " + at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))}";
}
