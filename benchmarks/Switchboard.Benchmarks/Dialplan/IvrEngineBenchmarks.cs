using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.TestSupport;

namespace Switchboard.Benchmarks.Dialplan;

/// <summary>
/// IVR engine steps on dialplans/kommun.yaml during opening hours (a Tuesday 10:00 Stockholm): the call start
/// (hours decision, greeting and menu prompts) and a start followed by one key press (menu option lookup and its action).
/// The difference between the two is one IVR step.
/// </summary>
[MemoryDiagnoser]
public class IvrEngineBenchmarks
{
    private static readonly CallStarted Started = new("0701234567");
    private static readonly DigitPressed One = new('1');
    private DialplanDefinition _dialplan = null!;
    private FakeTimeProvider _time = null!;

    [GlobalSetup]
    public void Setup()
    {
        var result = DialplanLoader.Load(RepositoryPaths.KommunDialplan, new DialplanLoadOptions { CheckPromptFiles = false });
        _dialplan = result.IsValid ? result.Dialplan! : throw new InvalidOperationException("kommun.yaml does not load: " + string.Join("; ", result.Errors));
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<IvrCommand> StartCall() => new IvrSession(_dialplan, _time).Handle(Started);

    [Benchmark]
    public IReadOnlyList<IvrCommand> StartCallAndPressOne()
    {
        var session = new IvrSession(_dialplan, _time);
        session.Handle(Started);
        return session.Handle(One);
    }
}
