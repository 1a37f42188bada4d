using System.Diagnostics;
using System.Text.Json;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Commands;

public class DialplanCommandTests
{
    [Fact]
    public void Check_Kommun_ExitsZero()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "check", CliHarness.Kommun);
        Assert.Equal(0, code);
        Assert.Contains("ok: Exempelkommun", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BrokenCopy_PrintsFileLineColumnAndExitsOne()
    {
        var dir = Directory.CreateTempSubdirectory("sbctl-check-");
        try
        {
            var text = File.ReadAllText(CliHarness.Kommun)
                .Replace("1: queue:bsu", "1: queue:nosuch", StringComparison.Ordinal)
                .Replace("fri: 08:00-16:00", "fri: 08:00-26:00", StringComparison.Ordinal);
            var path = Path.Combine(dir.FullName, "broken.yaml");
            File.WriteAllText(path, text);
            var lines = text.Split('\n');
            var queueLine = Array.FindIndex(lines, l => l.Contains("queue:nosuch", StringComparison.Ordinal)) + 1;
            var queueColumn = lines[queueLine - 1].IndexOf("queue:nosuch", StringComparison.Ordinal) + 1;
            var timeLine = Array.FindIndex(lines, l => l.Contains("08:00-26:00", StringComparison.Ordinal)) + 1;
            var timeColumn = lines[timeLine - 1].IndexOf("08:00-26:00", StringComparison.Ordinal) + 1;

            var (code, output, _) = CliHarness.Run("dialplan", "check", path, "--no-prompt-check");

            Assert.Equal(1, code);
            var errors = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(errors, e => e.StartsWith($"{path}:{queueLine}:{queueColumn}: unknown queue 'nosuch'", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith($"{path}:{timeLine}:{timeColumn}: bad time", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_MissingFile_ExitsOne()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "check", "/nonexistent/x.yaml");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/x.yaml:1:1: cannot read file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ChristmasEveJson_IsClosedHolidayHangup()
    {
        var (code, output, error) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-12-24T10:00", "--digits", "1", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("open").GetBoolean());
        Assert.Equal("holiday:Julafton", root.GetProperty("reason").GetString());
        Assert.True(root.GetProperty("steps").GetArrayLength() >= 2);
        Assert.Equal("hangup", root.GetProperty("outcome").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("1", "bsu")]
    [InlineData("2", "assf")]
    [InlineData("3", "bbmt")]
    [InlineData("0", "vaxel")]
    [InlineData("91", "bsu")]
    [InlineData("7*2", "assf")]
    [InlineData("", "vaxel")]
    public void Simulate_OpenMondayJson_QueuesByKey(string digits, string queue)
    {
        var (code, output, error) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-11-23T10:00", "--digits", digits, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("open").GetBoolean());
        Assert.Equal("weekly", root.GetProperty("reason").GetString());
        var outcome = root.GetProperty("outcome");
        Assert.Equal("queue", outcome.GetProperty("kind").GetString());
        Assert.Equal(queue, outcome.GetProperty("queue").GetString());
    }

    [Fact]
    public void Simulate_AfterHoursAcceptingCallback_OutcomeCallback()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-11-23T19:00", "--digits", "11", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("weekly", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("callback", json.RootElement.GetProperty("outcome").GetProperty("kind").GetString());
    }

    [Fact]
    public void Simulate_Text_PrintsStepsAndOutcome()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-11-23T12:30", "--digits", "");
        Assert.Equal(0, code);
        Assert.Contains("closed (lunch)", output, StringComparison.Ordinal);
        Assert.Contains("play lunch (sv)", output, StringComparison.Ordinal);
        Assert.Contains("outcome: hangup", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_BadAt_ExitsTwo()
    {
        var (code, _, error) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "tomorrow");
        Assert.Equal(2, code);
        Assert.Contains("bad --at", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_ChristmasWeek_NamesHolidays()
    {
        var (code, output, _) = CliHarness.Run("hours", CliHarness.Kommun, "--from", "2026-12-21", "--days", "14");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2026-12-24 Thu  closed", StringComparison.Ordinal) && l.EndsWith("Julafton", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-12-23 Wed  08:00-12:00", StringComparison.Ordinal) && l.Contains("exception", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-12-21 Mon  08:00-12:00, 13:00-17:00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2027-01-01 Fri  closed", StringComparison.Ordinal) && l.EndsWith("Nyårsdagen", StringComparison.Ordinal));
    }

    [Fact]
    public void Hours_QueueWithOwnHours_UsesThem()
    {
        var (code, output, _) = CliHarness.Run("hours", CliHarness.Kommun, "--from", "2026-11-27", "--days", "1", "--queue", "bbmt");
        Assert.Equal(0, code);
        Assert.Contains("2026-11-27 Fri  09:00-12:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_QueueOnLillejulafton_ShowsWhatACallerGetsNotTheQueuesOwnHours()
    {
        // The whole line closes at 12:00 on 2026-12-23; bbmt's own 13:00-16:00 is not reachable that day.
        var (code, output, _) = CliHarness.Run("hours", CliHarness.Kommun, "--from", "2026-12-23", "--days", "1", "--queue", "bbmt");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("2026-12-23", StringComparison.Ordinal));
        Assert.StartsWith("2026-12-23 Wed  09:00-12:00 ", line, StringComparison.Ordinal);
        Assert.EndsWith("exception: Lillejulafton, stänger tidigt", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("13:00", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_Now_SaysOpenOrClosedAndWhenThatChanges()
    {
        var (code, output, _) = CliHarness.Run("hours", CliHarness.Kommun, "--now");

        Assert.Equal(0, code);
        Assert.Matches(@"^Exempelkommun: (open now \(.*\), until|closed now \(.*\), opens) .*\d\d:\d\d", output.Trim());
    }

    [Fact]
    public void Hours_NowOnTheDemoDialplan_OpenAroundTheClock()
    {
        var (code, output, _) = CliHarness.Run("hours", Path.Combine(CliHarness.RepoRoot, "dialplans", "demo.yaml"), "--now");

        Assert.Equal(0, code);
        Assert.Contains("open now", output, StringComparison.Ordinal);
        Assert.EndsWith("around the clock", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ClosedDayWithDigits_SaysTheDigitsWentUnused()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-12-26T10:00", "--digits", "1");

        Assert.Equal(0, code);
        Assert.Contains("note: digits '1' were not used: the line is closed (holiday:Annandag jul)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ClosedDayJson_ReportsUnusedDigits()
    {
        var (_, output, _) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-12-26T10:00", "--digits", "12", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("12", json.RootElement.GetProperty("unusedDigits").GetString());
    }

    [Fact]
    public void Simulate_OpenDayAllDigitsUsed_NoNote()
    {
        var (_, output, _) = CliHarness.Run("dialplan", "simulate", CliHarness.Kommun, "--at", "2026-12-07T10:00", "--digits", "1");

        Assert.DoesNotContain("note:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Demo_SaysOneMenuNotOneMenus()
    {
        var (code, output, _) = CliHarness.Run("dialplan", "check", Path.Combine(CliHarness.RepoRoot, "dialplans", "demo.yaml"));

        Assert.Equal(0, code);
        Assert.Contains(", 1 menu, 2 queues", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sbctl_RealProcess_SimulatesMidsummerEve()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sbctl.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("dialplan");
        start.ArgumentList.Add("simulate");
        start.ArgumentList.Add(CliHarness.Kommun);
        start.ArgumentList.Add("--at");
        start.ArgumentList.Add("2026-06-19T10:00");
        start.ArgumentList.Add("--json");
        using var process = Process.Start(start)!;
        var outputTask = process.StandardOutput.ReadToEndAsync();
        var errorTask = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await outputTask.DefaultTimeout();
        Assert.True(process.ExitCode == 0, await errorTask.DefaultTimeout());
        using var json = JsonDocument.Parse(output);
        Assert.Equal("holiday:Midsommarafton", json.RootElement.GetProperty("reason").GetString());
    }
}
