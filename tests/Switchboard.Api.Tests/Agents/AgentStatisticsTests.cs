using Switchboard.Acd.Events;
using Switchboard.Api.Agents;

namespace Switchboard.Api.Tests.Agents;

public sealed class AgentStatisticsTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData("2026-03-29T10:00:00Z", "2026-03-28T23:00:00Z")] // day of the spring change: midnight is still CET
    [InlineData("2026-10-25T10:00:00Z", "2026-10-24T22:00:00Z")] // day of the autumn change: midnight is still CEST
    [InlineData("2026-11-23T23:30:00Z", "2026-11-23T23:00:00Z")] // 23:30 UTC is 00:30 of the next local day
    public void DayStart_AcrossDaylightSaving_IsLocalMidnight(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            AgentStatistics.DayStart(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Stockholm));

    [Fact]
    public void Build_EventsOfTodayAndYesterday_CountsOnlyTodayAndOwnAgent()
    {
        var day = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1));
        AcdEvent[] events =
        [
            Event(AcdEventType.Offered, "anna", day.AddHours(-1)),
            Event(AcdEventType.Offered, "anna", day.AddHours(9)),
            Event(AcdEventType.Offered, "bo", day.AddHours(9)),
            Event(AcdEventType.OfferTimedOut, "anna", day.AddHours(9)),
            Event(AcdEventType.Ended, "anna", day.AddHours(10), ("handle", "90000")),
            Event(AcdEventType.WrapUpEnded, "anna", day.AddHours(10), ("outcome", "forwarded: till bygglov")),
            Event(AcdEventType.WrapUpEnded, "anna", day.AddHours(11), ("outcome", "")),
        ];

        var stats = AgentStatistics.Build("anna", day, events);

        Assert.Equal(1, stats.Offers);
        Assert.Equal(1, stats.Missed);
        Assert.Equal(TimeSpan.FromSeconds(90), stats.TalkTime.ToTimeSpan());
        Assert.Equal(1, stats.Outcomes["forwarded"]);
        Assert.Equal(1, stats.Outcomes["other"]);
    }

    private static AcdEvent Event(AcdEventType type, string agent, DateTimeOffset at, params (string Key, string Value)[] fields) =>
        new("0-0", type, at, "c", "q", agent, fields.ToDictionary(f => f.Key, f => f.Value));
}
