using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Hosting;

public sealed class NodeDrainTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly StopRecorder _lifetime = new();

    private NodeDrain Create(TimeSpan deadline, TimeSpan settle, Func<int> calls) =>
        new(new DrainOptions { Deadline = deadline, Settle = settle }, _lifetime, _time, NullLogger<NodeDrain>.Instance) { ActiveCalls = calls };

    [Fact]
    public async Task Request_CallsInProgress_StopsOnlyWhenTheLastEnds()
    {
        var calls = 2;
        var drain = Create(TimeSpan.FromMinutes(5), TimeSpan.Zero, () => Volatile.Read(ref calls));

        drain.Request();
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(drain.IsDraining);
        Assert.False(_lifetime.Stopped.IsCompleted);
        Volatile.Write(ref calls, 0);
        _time.Advance(NodeDrain.CheckInterval);
        await _lifetime.Stopped.DefaultTimeout();
        Assert.True(drain.Completion.IsCompleted);
    }

    [Fact]
    public async Task Request_NoCalls_StaysUpForTheSettleTime()
    {
        var drain = Create(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), () => 0);

        drain.Request();
        _time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.False(_lifetime.Stopped.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _lifetime.Stopped.DefaultTimeout();
    }

    [Fact]
    public async Task Request_CallsOutlastDeadline_StopsAtDeadline()
    {
        var drain = Create(TimeSpan.FromSeconds(30), TimeSpan.Zero, () => 1);

        drain.Request();
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.False(_lifetime.Stopped.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _lifetime.Stopped.DefaultTimeout();
    }

    [Fact]
    public async Task Request_CallsOutlastDeadline_HandsThemOverOnceBeforeStopping()
    {
        var handOvers = 0;
        var stoppedAtHandOver = true;
        var drain = Create(TimeSpan.FromSeconds(30), TimeSpan.Zero, () => 1);
        drain.HandOver = _ =>
        {
            Interlocked.Increment(ref handOvers);
            stoppedAtHandOver = _lifetime.Stopped.IsCompleted;
            return Task.CompletedTask;
        };

        drain.Request();
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.Equal(0, Volatile.Read(ref handOvers));
        _time.Advance(TimeSpan.FromSeconds(2));
        await _lifetime.Stopped.DefaultTimeout();
        Assert.Equal(1, Volatile.Read(ref handOvers));
        Assert.False(stoppedAtHandOver);
    }

    [Fact]
    public async Task Request_CallsEndBeforeDeadline_NothingHandedOver()
    {
        var calls = 1;
        var handOvers = 0;
        var drain = Create(TimeSpan.FromSeconds(30), TimeSpan.Zero, () => Volatile.Read(ref calls));
        drain.HandOver = _ =>
        {
            Interlocked.Increment(ref handOvers);
            return Task.CompletedTask;
        };

        drain.Request();
        Volatile.Write(ref calls, 0);
        _time.Advance(NodeDrain.CheckInterval);
        await _lifetime.Stopped.DefaultTimeout();

        Assert.Equal(0, Volatile.Read(ref handOvers));
    }

    [Fact]
    public async Task Request_Twice_SecondStopsAtOnce()
    {
        var drain = Create(TimeSpan.FromMinutes(5), TimeSpan.Zero, () => 3);

        drain.Request();
        Assert.False(_lifetime.Stopped.IsCompleted);
        drain.Request();

        await _lifetime.Stopped.DefaultTimeout();
    }

    [Fact]
    public async Task Request_ZeroDeadline_StopsAtOnceWithoutDraining()
    {
        var drain = Create(TimeSpan.Zero, TimeSpan.Zero, () => 3);

        drain.Request();

        await _lifetime.Stopped.DefaultTimeout();
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("00:02:00", 120)]
    public void Read_Deadline_SecondsOrTimeSpan(string text, int seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Drain:Deadline"] = text }).Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), ValidatedOptions.Read<DrainOptions, DrainOptionsValidator>(configuration, DrainOptions.Section).Deadline.Value);
    }

    [Fact]
    public void Read_NotADuration_ConfigurationError()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Drain:Settle"] = "soon" }).Build();

        var error = Assert.Throws<ConfigurationErrorException>(() => ValidatedOptions.Read<DrainOptions, DrainOptionsValidator>(configuration, DrainOptions.Section));
        Assert.Contains("Drain:Settle", error.Message, StringComparison.Ordinal);
    }

    private sealed class StopRecorder : IHostApplicationLifetime
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stopped => _stopped.Task;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopped.TrySetResult();
    }
}
