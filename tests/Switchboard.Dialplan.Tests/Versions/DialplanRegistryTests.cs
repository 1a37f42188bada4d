using Microsoft.Extensions.Time.Testing;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.Support;
using Switchboard.Dialplan.Versions;

namespace Switchboard.Dialplan.Tests.Versions;

public class DialplanRegistryTests
{
    [Fact]
    public void Publish_MidCall_RunningCallKeepsItsVersion()
    {
        var text = File.ReadAllText(TestDialplans.KommunPath);
        var v1 = TestDialplans.Kommun();
        var v2Result = DialplanLoader.LoadFromText(text.Replace("1: queue:bsu", "1: queue:vaxel", StringComparison.Ordinal), TestDialplans.KommunPath);
        Assert.True(v2Result.IsValid, string.Join("\n", v2Result.Diagnostics));
        var v2 = v2Result.Dialplan!;
        Assert.NotEqual(v1.Version, v2.Version);

        var clock = new FakeTimeProvider(OpeningHoursEvaluator.ToInstant(new DateTime(2026, 11, 23, 10, 0, 0), v1.TimeZone));
        var registry = new DialplanRegistry(v1, clock);
        var early = registry.StartSession();
        early.Handle(new CallStarted("0701234567"));
        early.Handle(new PromptFinished());

        Assert.Same(v1, registry.Publish(v2));
        var late = registry.StartSession();
        late.Handle(new CallStarted("0701234567"));
        late.Handle(new PromptFinished());

        Assert.Equal("bsu", Assert.Single(early.Handle(new DigitPressed('1')).OfType<Enqueue>()).Queue.Id);
        Assert.Equal("vaxel", Assert.Single(late.Handle(new DigitPressed('1')).OfType<Enqueue>()).Queue.Id);
        Assert.Equal(v1.Version, early.Dialplan.Version);
        Assert.Equal(v2.Version, late.Dialplan.Version);
    }

    [Fact]
    public void SetLiveOverride_NewCallsSeeIt()
    {
        var v1 = TestDialplans.Kommun();
        var clock = new FakeTimeProvider(OpeningHoursEvaluator.ToInstant(new DateTime(2026, 11, 23, 10, 0, 0), v1.TimeZone));
        var registry = new DialplanRegistry(v1, clock);
        registry.SetLiveOverride(new LiveOverride(false, null));
        var session = registry.StartSession();
        session.Handle(new CallStarted("0701234567"));
        Assert.Equal("override", session.Status!.Reason);
        Assert.False(session.Status.Open);
    }
}
