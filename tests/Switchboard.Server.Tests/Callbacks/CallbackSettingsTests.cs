using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Callbacks;

/// <summary>Bad <c>Trunk:*</c> / <c>Callbacks:*</c> settings stop the real server process at start-up with one line naming the setting.</summary>
public sealed class CallbackSettingsTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Trunk:Uri", "http://trunk.example.se", "Trunk:Uri")]
    [InlineData("Trunk:CallerId", "0900123456", "Trunk:CallerId")]
    [InlineData("Trunk:Username", "kommun", "Trunk:Username")]
    [InlineData("Trunk:AttemptTimeout", "00:00:30", "Trunk:AttemptTimeout")]
    [InlineData("Callbacks:MaxAttempts", "0", "Callbacks:MaxAttempts")]
    [InlineData("Callbacks:TimeZone", "Mars/Olympus", "Callbacks:TimeZone")]
    [InlineData("Callbacks:HashKey", "short", "Callbacks:HashKey")]
    [InlineData("Callbacks:SweepInterval", "soon", "Callbacks:SweepInterval")]
    public async Task Run_BadCallbackSetting_ConfigurationErrorNamingIt(string key, string value, string setting)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = TestDialplan.Path,
            ["Trunk:Uri"] = "sip:127.0.0.1:5099",
            ["Trunk:CallerId"] = "+4631123456",
            [key] = value,
        };

        var (exitCode, _, stderr) = await SwitchboardProcess.RunToExitAsync(settings, ExitTimeout).WaitAsync(ExitTimeout);

        Assert.Equal(SwitchboardHost.ConfigurationErrorExitCode, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"switchboard: configuration error: {setting}: ", line, StringComparison.Ordinal);
    }
}
