using Microsoft.Extensions.Configuration;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class ValidatedOptionsTests
{
    [Theory]
    [InlineData("Metrics:RefreshInterval", "abc")]
    [InlineData("Metrics:RefreshInterval", "00:00:00")]
    [InlineData("Metrics:RefreshInterval", "01:00:00")]
    public void Read_BadMetricsValue_RefusedNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<ConfigurationErrorException>(() => ValidatedOptions.Read<MetricsOptions, MetricsOptionsValidator>(Configuration((key, value)), MetricsOptions.Section));

        Assert.Equal(key, error.Setting);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tracing:OtlpEndpoint", "ftp://collector:4318")]
    [InlineData("Tracing:OtlpEndpoint", "collector")]
    [InlineData("Tracing:OtlpProtocol", "udp")]
    [InlineData("Tracing:SampleRatio", "1.5")]
    [InlineData("Tracing:SampleRatio", "half")]
    [InlineData("Tracing:ServiceName", " ")]
    public void Read_BadTracingValue_RefusedNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<ConfigurationErrorException>(() =>
            ValidatedOptions.Read<TracingOptions, TracingOptionsValidator>(Configuration(("Tracing:OtlpEndpoint", "http://127.0.0.1:4318"), (key, value)), TracingOptions.Section));

        Assert.Equal(key, error.Setting);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingSet_DefaultsTracingOffAndFiveSecondRefresh()
    {
        var tracing = ValidatedOptions.Read<TracingOptions, TracingOptionsValidator>(Configuration(), TracingOptions.Section);
        var metrics = ValidatedOptions.Read<MetricsOptions, MetricsOptionsValidator>(Configuration(), MetricsOptions.Section);

        Assert.False(tracing.Enabled);
        Assert.Equal(1.0, tracing.SampleRatio);
        Assert.Equal(TimeSpan.FromSeconds(5), metrics.RefreshInterval);
    }

    [Fact]
    public void Read_GoodTracingSettings_Accepted()
    {
        var tracing = ValidatedOptions.Read<TracingOptions, TracingOptionsValidator>(
            Configuration(("Tracing:OtlpEndpoint", "http://127.0.0.1:4317"), ("Tracing:OtlpProtocol", "grpc"), ("Tracing:SampleRatio", "0.25")), TracingOptions.Section);

        Assert.True(tracing.Enabled);
        Assert.Equal(("grpc", 0.25), (tracing.OtlpProtocol, tracing.SampleRatio));
    }

    /// <summary>The values in order; a later one for the same key wins.</summary>
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.GroupBy(v => v.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value))).Build();
}
