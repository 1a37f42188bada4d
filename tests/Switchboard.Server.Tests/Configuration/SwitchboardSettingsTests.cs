using Microsoft.Extensions.Configuration;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class SwitchboardSettingsTests
{
    private static SwitchboardSettings Read(params (string Key, string? Value)[] values)
    {
        var data = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:6380",
            ["Dialplan:Path"] = TestDialplan.Path,
        };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return SwitchboardSettings.Read(configuration, Path.GetTempPath());
    }

    private static ConfigurationErrorException ReadFails(params (string Key, string? Value)[] values) =>
        Assert.Throws<ConfigurationErrorException>(() => Read(values));

    [Fact]
    public void Read_OnlyRequiredSettings_DefaultsMatchContract()
    {
        var settings = Read();

        Assert.Equal("127.0.0.1", settings.Sip.BindAddress);
        Assert.Equal(5060, settings.Sip.Port);
        Assert.Equal("127.0.0.1", settings.Sip.AdvertisedAddress);
        Assert.Equal("http://127.0.0.1:5090", settings.ApiListen.ToString());
        Assert.Equal("http://127.0.0.1:8080", settings.WebListen.ToString());
        Assert.Equal(5, settings.Redis.ConnectAttempts);
        Assert.True(Path.IsPathRooted(settings.Dialplan.Path));
    }

    [Fact]
    public void Read_PublicAddressGiven_AdvertisesIt()
    {
        var settings = Read(("Sip:PublicAddress", "sip.example.se"), ("Sip:BindAddress", "0.0.0.0"), ("Sip:Port", "5070"));

        Assert.Equal("sip.example.se", settings.Sip.AdvertisedAddress);
        Assert.Equal("0.0.0.0:5070", settings.Sip.BindEndPoint.ToString());
    }

    [Theory]
    [InlineData("Sip:Port", "abc")]
    [InlineData("Sip:Port", "70000")]
    [InlineData("Sip:Port", "0")]
    [InlineData("Sip:BindAddress", "not-an-ip")]
    [InlineData("Sip:PublicAddress", "bad host!")]
    [InlineData("Api:Url", "htp:/x")]
    [InlineData("Api:Url", "https://127.0.0.1:5090")]
    [InlineData("Api:Url", "http://127.0.0.1")]
    [InlineData("Web:Url", "127.0.0.1:8080")]
    [InlineData("Web:Url", "http://example.com:8080")]
    [InlineData("Web:Url", "http://127.0.0.1:8080/pages")]
    [InlineData("Redis:Configuration", "")]
    [InlineData("Redis:Configuration", ",,,")]
    [InlineData("Redis:ConnectAttempts", "0")]
    [InlineData("Redis:ConnectRetryDelay", "soon")]
    [InlineData("Dialplan:Path", "/no/such/dialplan.yaml")]
    [InlineData("Dialplan:Path", " ")]
    public void Read_BadValue_ErrorNamesTheSetting(string key, string value)
    {
        var error = ReadFails((key, value));

        Assert.Equal(key, error.Setting);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("Sip:Port", "70000", "Sip:Port: must be between 1 and 65535 (was 70000)")]
    [InlineData("Sip:Port", "sixty", "Sip:Port: is not a whole number (was sixty)")]
    [InlineData("Sip:BindAddress", "not-an-ip", "Sip:BindAddress: is not an IP address (use 0.0.0.0 for all interfaces) (was not-an-ip)")]
    [InlineData("Sip:Tcp:MaxConnections", "0", "Sip:Tcp:MaxConnections: must be between 1 and 1000000 (was 0)")]
    [InlineData("Sip:Tcp:IdleTimeout", "2.00:00:00", "Sip:Tcp:IdleTimeout: must be between 00:00:00.1000000 and 1.00:00:00 (was 2.00:00:00)")]
    [InlineData("Redis:ConnectRetryDelay", "soon", "Redis:ConnectRetryDelay: is not a time span (d.hh:mm:ss, e.g. 00:00:30) (was soon)")]
    [InlineData("Web:Sessions:SignInAttempts", "0", "Web:Sessions:SignInAttempts: must be between 1 and 1000000 (was 0)")]
    [InlineData("Web:KnownProxies:0", "proxy.example", "Web:KnownProxies: 'proxy.example' is not an IP address")]
    public void Read_BadValue_OneLineWithKeyRuleAndValue(string key, string value, string message)
    {
        var error = ReadFails((key, value));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_RedisMissing_SaysHowToGiveIt()
    {
        var error = ReadFails(("Redis:Configuration", null));

        Assert.Equal("Redis:Configuration", error.Setting);
        Assert.Contains("not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ApiAndWebOnOnePort_Refused()
    {
        var error = ReadFails(("Api:Url", "http://127.0.0.1:9000"), ("Web:Url", "http://127.0.0.1:9000"));

        Assert.Equal("Web:Url", error.Setting);
    }

    [Fact]
    public void Read_RelativeDialplanPath_ResolvedAgainstWorkingDirectory()
    {
        var directory = Path.GetDirectoryName(TestDialplan.Path)!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:6380",
            ["Dialplan:Path"] = Path.GetFileName(TestDialplan.Path),
        }).Build();

        var settings = SwitchboardSettings.Read(configuration, directory);

        Assert.Equal(TestDialplan.Path, settings.Dialplan.Path);
    }

    [Theory]
    [InlineData("http://localhost:8080", "127.0.0.1:8080")]
    [InlineData("http://*:8080", "0.0.0.0:8080")]
    [InlineData("http://+:8080", "0.0.0.0:8080")]
    [InlineData("http://[::1]:8080", "[::1]:8080")]
    [InlineData("http://127.0.0.1:80", "127.0.0.1:80")]
    public void Parse_ListenUrl_GivesEndPoint(string url, string endPoint)
    {
        Assert.Equal(endPoint, ListenUrl.Parse("Web:Url", url).EndPoint.ToString());
    }
}
