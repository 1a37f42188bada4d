using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Statistics;

namespace Switchboard.Acd.Tests.Statistics;

public sealed class ReportCalculatorTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static readonly StatisticsOptions Options = new() { RepeatCallerWindow = TimeSpan.FromHours(4) };

    // 29 March 2026: Stockholm moves to summer time, so the local day has 23 hours.
    private static readonly GeneratedDay Day = new(seed: 4711, new DateOnly(2026, 3, 29), calls: 4000, Stockholm);

    [Fact]
    public void Calculate_GeneratedDayByHour_EqualsIndependentTruth()
    {
        var reports = ReportCalculator.Calculate(Day.Events, ReportGrouping.Hour, Options);
        var expected = Truth(c => DateTimeOffset.FromUnixTimeMilliseconds(c - c % 3_600_000));

        Assert.Equal(expected.Count, reports.Count);
        foreach (var report in reports)
        {
            var truth = expected[(report.Queue, report.Start.ToUniversalTime())];
            Assert.Equal(truth, report.Counters.ToArray());
            Assert.Equal(report.Start.Offset, Stockholm.GetUtcOffset(report.Start));
        }
    }

    [Fact]
    public void Calculate_GeneratedDayByDay_EqualsIndependentTruthAndDerivedFigures()
    {
        var reports = ReportCalculator.Calculate(Day.Events, ReportGrouping.Day, Options);
        var dayStart = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var expected = Truth(c => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(c), Stockholm).Date == dayStart.Date ? dayStart : DateTimeOffset.MinValue);

        Assert.Equal(GeneratedDay.Queues.Length, reports.Count);
        foreach (var report in reports)
        {
            Assert.Equal(dayStart, report.Start);
            Assert.Equal(expected[(report.Queue, dayStart)], report.Counters.ToArray());
            var calls = Day.Calls.Where(c => c.Queue == report.Queue && !c.Callback).ToList();
            var answered = calls.Where(c => c.Outcome == "answered").ToList();
            var abandoned = calls.Where(c => c.Outcome == "abandoned" && c.Wait >= 5_000).ToList();
            Assert.Equal(calls.Count, report.Offered);
            Assert.Equal((double)answered.Count(c => c.Wait <= 60_000) / answered.Count, report.ServiceLevel!.Value, 12);
            Assert.Equal(
                (double)(answered.Count(c => c.Wait <= 60_000) + abandoned.Count(c => c.Wait <= 60_000)) / (answered.Count + abandoned.Count),
                report.ServiceLevelWithAbandoned!.Value, 12);
            Assert.Equal(answered.Average(c => c.Wait), report.AverageSpeedOfAnswer!.Value.TotalMilliseconds, 3);
            Assert.Equal(answered.Concat(abandoned).Max(c => c.Wait), (long)report.LongestWait.TotalMilliseconds);
            var handled = Day.Calls.Where(c => c.Queue == report.Queue && c.Outcome == "answered").ToList();
            Assert.Equal(handled.Average(c => c.Talk) + handled.Average(c => c.Wrap), report.AverageHandleTime!.Value.TotalMilliseconds, 3);
            Assert.Equal((double)handled.Count(c => c.WrapOutcome == "resolved") / handled.Count, report.FirstContactResolution!.Value, 12);
            Assert.Equal(answered.Count, report.Answered);
            Assert.Equal(abandoned.Count, report.Abandoned);
            Assert.Equal(calls.Count(c => c.Outcome == "abandoned" && c.Wait < 5_000), report.ShortAbandoned);
            Assert.Equal(calls.Count(c => c.Outcome == "lost"), report.Lost);
            Assert.InRange(Math.Abs(answered.Concat(abandoned).Average(c => c.Wait) - report.AverageWait!.Value.TotalMilliseconds), 0, 0.001);
            Assert.Equal(answered.Count + abandoned.Count, report.WaitDistribution.Sum());

            var callbacks = Day.Calls.Where(c => c.Queue == report.Queue && c.Callback).ToList();
            var completed = callbacks.Where(c => c.CallbackClose is "answered" or "completed").ToList();
            Assert.Equal(callbacks.Count, report.CallbacksRequested);
            Assert.Equal(completed.Count, report.CallbacksCompleted);
            Assert.Equal(completed.Count(c => LocalDate(c.Arrival) == LocalDate(c.ClosedAt)), report.CallbacksCompletedSameDay);
            Assert.Equal(callbacks.Count(c => c.CallbackClose == "unreachable"), report.CallbacksUnreachable);
            Assert.Equal(handled.Count(c => c.Transfer == "queue"), report.TransfersToQueue);
            Assert.Equal(handled.Count(c => c.Transfer == "answered"), report.TransfersAnswered);
            Assert.Equal(handled.Count(c => c.Transfer == "not_answered"), report.TransfersNotAnswered);
            Assert.Equal(calls.Count(c => Day.Calls.Any(p => !p.Callback && p.Caller == c.Caller && p.Arrival < c.Arrival && c.Arrival - p.Arrival <= 4 * 3_600_000)), report.RepeatCallers);
        }

        // The generated day exercises every figure (no check above passes on zeros alone).
        var all = reports.ToList();
        Assert.True(Day.Calls.Count >= 4000);
        Assert.All(
            [ReportCounter.ShortAbandoned, ReportCounter.Lost, ReportCounter.CallbacksCompleted, ReportCounter.CallbacksCompletedSameDay,
             ReportCounter.CallbacksUnreachable, ReportCounter.TransfersToQueue, ReportCounter.TransfersAnswered, ReportCounter.TransfersNotAnswered,
             ReportCounter.RepeatCallers, ReportCounter.AbandonedWithinThreshold,
             ReportCounter.WaitUnder20s, ReportCounter.Wait20To60s, ReportCounter.Wait60To180s, ReportCounter.Wait180To600s],
            counter => Assert.True(all.Sum(r => r[counter]) > 0, counter + " is never exercised"));
        Assert.True(all.Sum(r => r.CallbacksCompleted) > all.Sum(r => r.CallbacksCompletedSameDay), "some callbacks complete on a later day");
    }

    [Fact]
    public void Calculate_RawCallerInsteadOfHash_SameFigures()
    {
        var hashed = ReportCalculator.Calculate(Day.Events, ReportGrouping.Day, Options);
        var raw = ReportCalculator.Calculate(new GeneratedDay(seed: 4711, new DateOnly(2026, 3, 29), calls: 4000, Stockholm, callerHash: false).Events, ReportGrouping.Day, Options);

        Assert.Equal(hashed.Select(r => r.Counters.ToArray()), raw.Select(r => r.Counters.ToArray()));
    }

    [Fact]
    public void State_AfterGeneratedDay_KeepsNoNumbersAndNoCallerOlderThanTheWindow()
    {
        var calculator = new ReportCalculator(Options);
        foreach (var e in new GeneratedDay(seed: 4711, new DateOnly(2026, 3, 29), calls: 4000, Stockholm, callerHash: false).Events)
        {
            calculator.Add(e);
        }

        var last = Day.Calls.Max(c => c.Arrival);
        Assert.NotEmpty(calculator.State.Callers);
        Assert.DoesNotContain(calculator.State.Callers.Keys, k => k.Contains("4670", StringComparison.Ordinal));
        // Pruned at least once an hour of event time: nothing older than the window plus one hour remains.
        Assert.All(calculator.State.Callers.Values, seen => Assert.True(last - seen <= (4 + 1) * 3_600_000L));
        Assert.True(calculator.State.Callers.Count < Day.Calls.Select(c => c.Caller).Distinct().Count());
        var json = System.Text.Json.JsonSerializer.Serialize(calculator.State);
        Assert.DoesNotContain("+4670", json, StringComparison.Ordinal);
    }

    private static DateTime LocalDate(long unixMs) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), Stockholm).Date;

    [Fact]
    public void AgentReports_GeneratedDay_TimePerStateEqualsOverlapOfEachHour()
    {
        var calculator = new ReportCalculator(Options);
        foreach (var e in Day.Events)
        {
            calculator.Add(e);
        }

        var reports = calculator.AgentReports(ReportGrouping.Hour);
        var expected = new Dictionary<(string, DateTimeOffset), long[]>();
        foreach (var changes in Day.AgentChanges.GroupBy(c => c.Agent))
        {
            var list = changes.OrderBy(c => c.At).ToList();
            for (var i = 0; i + 1 < list.Count; i++)
            {
                var (from, to) = (list[i].At, list[i + 1].At);
                for (var hourStart = from - from % 3_600_000; hourStart < to; hourStart += 3_600_000)
                {
                    var overlap = Math.Min(to, hourStart + 3_600_000) - Math.Max(from, hourStart);
                    var key = (changes.Key, DateTimeOffset.FromUnixTimeMilliseconds(hourStart));
                    expected.TryAdd(key, new long[6]);
                    expected[key][list[i].State] += overlap;
                }
            }
        }

        Assert.Equal(expected.Count(p => p.Value.Sum() > 0), reports.Count(r => r.StateMs.Sum() > 0));
        foreach (var report in reports.Where(r => r.StateMs.Sum() > 0))
        {
            Assert.Equal(expected[(report.AgentId, report.Start.ToUniversalTime())], report.StateMs.ToArray());
        }

        var total = reports.Where(r => r.AgentId == "agent0").Sum(r => r.StateMs.Sum());
        Assert.True(total > 0);
    }

    [Fact]
    public void Add_GarbageEvents_IgnoredWithoutThrowing()
    {
        var calculator = new ReportCalculator();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(0);
        calculator.Add(new AcdEvent("1-0", AcdEventType.Unknown, at, null, null, null, new Dictionary<string, string>()));
        calculator.Add(new AcdEvent("1-1", AcdEventType.Answered, at, null, "q", null, new Dictionary<string, string> { ["wait"] = "x" }));
        calculator.Add(new AcdEvent("1-2", AcdEventType.AgentStateChanged, at, null, null, "a", new Dictionary<string, string> { ["state"] = "Dancing" }));
        calculator.Add(new AcdEvent("1-3", AcdEventType.Abandoned, at, "c", "q", null, new Dictionary<string, string> { ["wait"] = "-5" }));

        var report = Assert.Single(calculator.QueueReports(ReportGrouping.Day));
        Assert.Equal(1, report.ShortAbandoned);
        Assert.Null(report.ServiceLevel);
    }

    /// <summary>The expected counters, computed directly from the generated calls (not from events).</summary>
    private static Dictionary<(string, DateTimeOffset), long[]> Truth(Func<long, DateTimeOffset> bucketOf)
    {
        var result = new Dictionary<(string, DateTimeOffset), long[]>();
        long[] At(string queue, long time)
        {
            var key = (queue, bucketOf(time));
            if (!result.TryGetValue(key, out var c))
            {
                result[key] = c = new long[Enum.GetValues<ReportCounter>().Length];
            }

            return c;
        }

        void Inc(string queue, long time, ReportCounter counter, long by = 1) => At(queue, time)[(int)counter] += by;

        var lastSeen = new Dictionary<string, long>();
        foreach (var call in Day.Calls)
        {
            if (call.Callback)
            {
                Inc(call.Queue, call.Arrival, ReportCounter.CallbacksRequested);
                if (call.CallbackClose is "answered" or "completed")
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.CallbacksCompleted);
                    var sameDay = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(call.Arrival), Stockholm).Date
                        == TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(call.ClosedAt), Stockholm).Date;
                    Inc(call.Queue, call.Arrival, ReportCounter.CallbacksCompletedSameDay, sameDay ? 1 : 0);
                }
                else if (call.CallbackClose == "unreachable")
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.CallbacksUnreachable);
                }
            }
            else
            {
                if (lastSeen.TryGetValue(call.Caller, out var last) && call.Arrival - last <= 4 * 3_600_000)
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.RepeatCallers);
                }

                lastSeen[call.Caller] = call.Arrival;
                Inc(call.Queue, call.Arrival, ReportCounter.Offered);
                var counted = call.Outcome == "answered" || (call.Outcome == "abandoned" && call.Wait >= 5_000);
                if (call.Outcome == "lost")
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.Lost);
                }
                else if (call.Outcome == "abandoned" && call.Wait < 5_000)
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.ShortAbandoned);
                }
                else
                {
                    Inc(call.Queue, call.Arrival, call.Outcome == "answered" ? ReportCounter.Answered : ReportCounter.Abandoned);
                    Inc(call.Queue, call.Arrival, call.Outcome == "answered" ? ReportCounter.AnsweredWithinThreshold : ReportCounter.AbandonedWithinThreshold, call.Wait <= 60_000 ? 1 : 0);
                }

                if (counted)
                {
                    Inc(call.Queue, call.Arrival, ReportCounter.WaitTotalMs, call.Wait);
                    Inc(call.Queue, call.Arrival, ReportCounter.WaitCount);
                    var c = At(call.Queue, call.Arrival);
                    c[(int)ReportCounter.LongestWaitMs] = Math.Max(c[(int)ReportCounter.LongestWaitMs], call.Wait);
                    Inc(call.Queue, call.Arrival, call.Wait switch
                    {
                        < 20_000 => ReportCounter.WaitUnder20s,
                        < 60_000 => ReportCounter.Wait20To60s,
                        < 180_000 => ReportCounter.Wait60To180s,
                        < 600_000 => ReportCounter.Wait180To600s,
                        _ => ReportCounter.WaitFrom600s,
                    });
                    Inc(call.Queue, call.Arrival, ReportCounter.AnswerWaitTotalMs, call.Outcome == "answered" ? call.Wait : 0);
                }
            }

            switch (call.Transfer)
            {
                case "queue": Inc(call.Queue, call.Arrival, ReportCounter.TransfersToQueue); break;
                case "answered": Inc(call.Queue, call.Arrival, ReportCounter.TransfersAnswered); break;
                case "not_answered": Inc(call.Queue, call.Arrival, ReportCounter.TransfersNotAnswered); break;
                default: break;
            }

            if (call.Outcome == "answered")
            {
                Inc(call.Queue, call.Arrival, ReportCounter.TalkTotalMs, call.Talk);
                Inc(call.Queue, call.Arrival, ReportCounter.TalkCount);
                Inc(call.Queue, call.Arrival, ReportCounter.WrapUpTotalMs, call.Wrap);
                Inc(call.Queue, call.Arrival, ReportCounter.WrapUpCount);
                Inc(call.Queue, call.Arrival, ReportCounter.WrapUpsResolved, call.WrapOutcome == "resolved" ? 1 : 0);
            }
        }

        return result;
    }
}
