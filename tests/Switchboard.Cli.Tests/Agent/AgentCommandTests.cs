using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Commands;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Tests.Agent;

/// <summary>Flag checking of <c>sbctl agent</c> and the console's line tokenizer (no server needed).</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public void BuildOptions_NarrowedQueues_SignInRequestPausedUnlessReadyWithNoProfileOfItsOwn()
    {
        var options = AgentCommand.BuildOptions("anna", false, ["bygglov", "skola"], [], false, true, "callback_needed", 3, false, TextWriter.Null);

        Assert.NotNull(options);
        var signIn = options.SignIn!;
        Assert.Equal(["bygglov", "skola"], signIn.Queues);
        Assert.Empty(signIn.Languages);
        Assert.Empty(signIn.Skills);
        Assert.Empty(signIn.SipAddress);
        Assert.True(signIn.StartPaused);
        Assert.Equal(PauseReason.Other, signIn.PauseReason);
        Assert.Equal(Outcome.CallbackNeeded, options.AutoWrapUp);
        Assert.True(options.AutoAccept);
        Assert.Equal(3, options.ExitAfterCalls);
        Assert.True(options.SignOutOnExit);
    }

    [Fact]
    public void BuildOptions_SignInWithoutQueues_WholeDirectoryProfile()
    {
        var options = AgentCommand.BuildOptions(null, true, [], [], true, false, null, null, false, TextWriter.Null);

        Assert.NotNull(options);
        Assert.Empty(options.SignIn!.Queues);
        Assert.False(options.SignIn.StartPaused);
        Assert.True(options.SignOutOnExit);
    }

    [Theory]
    [InlineData("--auto-wrapup", "done")]
    [InlineData("--exit-after-calls", "0")]
    public void BuildOptions_BadFlag_NullWithReason(string flag, string value)
    {
        using var error = new StringWriter();
        var options = AgentCommand.BuildOptions(
            null, true, ["bygglov"], [],
            false, false, flag == "--auto-wrapup" ? value : null, flag == "--exit-after-calls" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null, false, error);

        Assert.Null(options);
        Assert.StartsWith("sbctl: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildOptions_NoSignInFlags_DoesNotSignInButCanGoReady()
    {
        var options = AgentCommand.BuildOptions(null, false, [], [], true, false, null, null, false, TextWriter.Null);

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
