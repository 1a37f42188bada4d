using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Commands;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>Flag checking of <c>sbctl agent</c> and the console's line tokenizer (no server needed).</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public void BuildOptions_QueuesAndSkills_SignInRequestPausedUnlessReady()
    {
        var options = AgentCommand.BuildOptions("anna", "Anna", ["bygglov", "skola"], ["bygg=8"], [], "sip:anna@127.0.0.1:5062", false, true, "callback_needed", 3, false, TextWriter.Null);

        Assert.NotNull(options);
        var signIn = options.SignIn!;
        Assert.Equal(["bygglov", "skola"], signIn.Queues);
        Assert.Equal(["sv"], signIn.Languages);
        Assert.Equal("bygg", signIn.Skills[0].Name);
        Assert.Equal(8, signIn.Skills[0].Level);
        Assert.True(signIn.StartPaused);
        Assert.Equal(PauseReason.Other, signIn.PauseReason);
        Assert.Equal(Outcome.CallbackNeeded, options.AutoWrapUp);
        Assert.True(options.AutoAccept);
        Assert.Equal(3, options.ExitAfterCalls);
        Assert.True(options.SignOutOnExit);
    }

    [Theory]
    [InlineData("--skill", "bygg")]
    [InlineData("--skill", "bygg=11")]
    [InlineData("--auto-wrapup", "done")]
    [InlineData("--exit-after-calls", "0")]
    [InlineData("--sip", "")]
    public void BuildOptions_BadFlag_NullWithReason(string flag, string value)
    {
        using var error = new StringWriter();
        var options = AgentCommand.BuildOptions(
            null, null, ["bygglov"], flag == "--skill" ? [value] : [], [], flag == "--sip" ? value : "sip:a@127.0.0.1",
            false, false, flag == "--auto-wrapup" ? value : null, flag == "--exit-after-calls" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null, false, error);

        Assert.Null(options);
        Assert.StartsWith("sbctl: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildOptions_NoQueue_DoesNotSignInButCanGoReady()
    {
        var options = AgentCommand.BuildOptions(null, null, [], [], [], null, true, false, null, null, false, TextWriter.Null);

        Assert.NotNull(options);
        Assert.Null(options.SignIn);
        Assert.True(options.Ready);
        Assert.False(options.SignOutOnExit);
    }

    [Theory]
    [InlineData("wrapup resolved \"ring tillbaka\"", new[] { "wrapup", "resolved", "ring tillbaka" })]
    [InlineData("  pause   lunch ", new[] { "pause", "lunch" })]
    [InlineData("wrapup other \"sa \\\"hej\\\"\"", new[] { "wrapup", "other", "sa \"hej\"" })]
    [InlineData("wrapup other \"\"", new[] { "wrapup", "other", "" })]
    [InlineData("note \"unclosed quote", new[] { "note", "unclosed quote" })]
    public void Split_Line_Words(string line, string[] expected)
    {
        Assert.Equal(expected, CommandLineTokenizer.Split(line));
    }

    [Fact]
    public async Task Agent_NoToken_ExitCode2WithReason()
    {
        var previous = Environment.GetEnvironmentVariable("SB_TOKEN");
        Assert.True(string.IsNullOrEmpty(previous), "SB_TOKEN set in the test environment");

        var (code, _, error) = await CliApiHost.SbctlAsync("agent", "--url", "http://127.0.0.1:1");

        Assert.Equal(2, code);
        Assert.Contains("no token", error, StringComparison.Ordinal);
    }
}
