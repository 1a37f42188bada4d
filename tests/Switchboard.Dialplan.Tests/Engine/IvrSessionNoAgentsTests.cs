using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;
using static Switchboard.Dialplan.Tests.Support.EngineHarness;

namespace Switchboard.Dialplan.Tests.Engine;

public class IvrSessionNoAgentsTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    private static IvrSession Queued(char key)
    {
        var session = Session(Kommun, "2026-11-23T10:00");
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        session.Handle(new DigitPressed(key));
        session.Handle(new PromptFinished());
        return session;
    }

    [Fact]
    public void Handle_NoAgentsInBsu_StartsCallbackKeepingPlace()
    {
        var session = Queued('1');
        Assert.Equal("callback_number_is", Played(session.Handle(new NoAgentsAvailable()))[0]);
        session.Handle(new PromptFinished());
        Assert.True(Single<RequestCallback>(session.Handle(new DigitPressed('1'))).KeepPlace);
    }

    [Fact]
    public void Handle_NoAgentsInAssf_MovesToVaxel()
    {
        var session = Queued('2');
        var commands = session.Handle(new NoAgentsAvailable());
        Assert.Equal(new LeaveQueue("assf"), Single<LeaveQueue>(commands));
        Assert.Equal("vaxel", Single<Enqueue>(commands).Queue.Id);
        Assert.True(commands.ToList().FindIndex(c => c is LeaveQueue) < commands.ToList().FindIndex(c => c is Enqueue));
        Assert.Equal(new IvrOutcome(OutcomeKind.Queue, Queue: "vaxel"), session.Outcome);
    }

    [Fact]
    public void Handle_NoAgentsInVaxel_TreatsAsClosed()
    {
        var session = Queued('0');
        var commands = session.Handle(new NoAgentsAvailable());
        Assert.Equal(new LeaveQueue("vaxel"), Single<LeaveQueue>(commands));
        Assert.Equal(["closed", "socialjouren"], Played(commands));
        Assert.Equal(IvrPhase.Closed, session.Phase);
    }

    [Fact]
    public void Handle_NoAgentsWhenWaitPolicy_DoesNothing()
    {
        var dialplan = TestDialplans.Text("name: t\nmenus:\n  main:\n    prompt: m\n    options:\n      1: queue:q\nqueues:\n  q:\n    no_agents: wait\n");
        var session = Session(dialplan, "2026-11-23T10:00");
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        session.Handle(new DigitPressed('1'));
        Assert.Empty(session.Handle(new NoAgentsAvailable()));
    }
}
