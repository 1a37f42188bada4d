using System.Net;
using Microsoft.Extensions.Configuration;
using Switchboard.Server.Configuration;
using Switchboard.Server.Web.Sessions;

namespace Switchboard.Server.Tests.Web;

/// <summary><c>Web:Sessions:*</c> and <c>Web:KnownProxies</c>: defaults, values, and one clear error per bad setting.</summary>
public sealed class WebSessionOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Read_Nothing_DefaultsAndNoProxyTrusted()
    {
        var options = WebSessionServiceCollectionExtensions.Read(Config());

        Assert.Equal(TimeSpan.FromHours(10), options.Lifetime);
        Assert.Equal(10, options.SignInAttempts);
        Assert.Equal(TimeSpan.FromMinutes(1), options.SignInWindow);
        Assert.Empty(options.KnownProxies);
    }

    [Fact]
    public void Read_Values_Taken()
    {
        var options = WebSessionServiceCollectionExtensions.Read(Config(
            ("Web:Sessions:Lifetime", "02:00:00"), ("Web:Sessions:SignInAttempts", "3"), ("Web:Sessions:SignInWindow", "00:05:00"),
            ("Web:KnownProxies:0", "10.0.0.5"), ("Web:KnownProxies:1", "::1")));

        Assert.Equal(TimeSpan.FromHours(2), options.Lifetime);
        Assert.Equal(3, options.SignInAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), options.SignInWindow);
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], options.KnownProxies);
    }

    [Theory]
    [InlineData("10.0.0.5, ::1")]
    [InlineData("10.0.0.5,::1,")]
    public void Read_KnownProxiesAsOneCommaSeparatedValue_EachTaken(string value)
    {
        var options = WebSessionServiceCollectionExtensions.Read(Config(("Web:KnownProxies", value)));

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], options.KnownProxies);
    }

    [Theory]
    [InlineData("Web:Sessions:Lifetime", "soon")]
    [InlineData("Web:Sessions:Lifetime", "-01:00:00")]
    [InlineData("Web:Sessions:SignInAttempts", "0")]
    [InlineData("Web:Sessions:SignInWindow", "x")]
    [InlineData("Web:KnownProxies:0", "proxy.example")]
    [InlineData("Web:KnownProxies", "10.0.0.5, proxy.example")]
    public void Read_BadValue_ErrorNamesTheSetting(string key, string value)
    {
        var error = Assert.Throws<ConfigurationErrorException>(() => WebSessionServiceCollectionExtensions.Read(Config((key, value))));

        Assert.Equal(key.StartsWith("Web:KnownProxies", StringComparison.Ordinal) ? "Web:KnownProxies" : key, error.Setting);
    }
}
