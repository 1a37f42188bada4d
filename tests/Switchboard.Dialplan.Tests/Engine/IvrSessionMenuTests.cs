using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;
using static Switchboard.Dialplan.Tests.Support.EngineHarness;

namespace Switchboard.Dialplan.Tests.Engine;

public class IvrSessionMenuTests
{
    private const string Open = "2026-11-23T10:00";
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    private static IvrSession StartedInMenu(DialplanDefinition? dialplan = null)
    {
        var session = Session(dialplan ?? Kommun, Open);
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        return session;
    }

    [Fact]
    public void Handle_StartedWhenOpen_PlaysGreetingAndMenuInterruptibly()
    {
        var session = Session(Kommun, Open);
        var commands = session.Handle(new CallStarted("0701234567"));
        var play = Single<PlayPrompts>(commands);
        Assert.Equal(["greeting", "menu_main"], play.Prompts);
        Assert.True(play.Interruptible);
        Assert.Equal("sv", play.Language);
        Assert.Equal(IvrPhase.Menu, session.Phase);
        Assert.True(session.Status!.Open);
    }

    [Fact]
    public void Handle_PromptFinishedInMenu_CollectsDigitsWithMenuTimeout()
    {
        var session = Session(Kommun, Open);
        session.Handle(new CallStarted("0701234567"));
        var collect = Single<CollectDigits>(session.Handle(new PromptFinished()));
        Assert.Equal(TimeSpan.FromSeconds(6), collect.Timeout);
        Assert.Equal(IvrTimers.NoInput, collect.TimerName);
    }

    [Theory]
    [InlineData('1', "bsu", "queue_bsu")]
    [InlineData('2', "assf", "queue_assf")]
    [InlineData('3', "bbmt", "queue_bbmt")]
    [InlineData('0', "vaxel", "queue_vaxel")]
    public void Handle_QueueKey_EnqueuesAndPlaysQueuePrompt(char key, string queue, string prompt)
    {
        var session = StartedInMenu();
        var commands = session.Handle(new DigitPressed(key));
        var enqueue = Single<Enqueue>(commands);
        Assert.Equal(queue, enqueue.Queue.Id);
        Assert.Equal(queue, enqueue.Queue.Skill);
        Assert.Equal("sv", enqueue.Language);
        Assert.Equal([prompt], Played(commands));
        Assert.Contains(commands, c => c is CancelTimer { Name: IvrTimers.NoInput });
        Assert.Equal(new IvrOutcome(OutcomeKind.Queue, Queue: queue), session.Outcome);
        Assert.Equal(IvrPhase.Queued, session.Phase);
    }

    [Fact]
    public void Handle_Key9_SwitchesToEnglishForTheRestOfTheCall()
    {
        var session = StartedInMenu();
        var commands = session.Handle(new DigitPressed('9'));
        var play = Single<PlayPrompts>(commands);
        Assert.Equal("en", play.Language);
        Assert.Equal(["menu_main"], play.Prompts);
        session.Handle(new PromptFinished());
        var queued = session.Handle(new DigitPressed('1'));
        Assert.Equal("en", Single<Enqueue>(queued).Language);
        Assert.Equal("en", Single<PlayPrompts>(queued).Language);
    }

    [Fact]
    public void Handle_StartedWithKnownLanguage_UsesIt()
    {
        var session = Session(Kommun, Open);
        Assert.Equal("en", Single<PlayPrompts>(session.Handle(new CallStarted("0701234567", "en"))).Language);
    }

    [Fact]
    public void Handle_InvalidKey_PlaysInvalidChoiceThenMenu()
    {
        var session = StartedInMenu();
        Assert.Equal(["invalid_choice", "menu_main"], Played(session.Handle(new DigitPressed('7'))));
        Assert.Equal(IvrPhase.Menu, session.Phase);
    }

    [Fact]
    public void Handle_NoInputTimer_PlaysNoInputThenMenu()
    {
        var session = StartedInMenu();
        Assert.Equal(["no_input", "menu_main"], Played(session.Handle(new TimerElapsed(IvrTimers.NoInput))));
    }

    [Fact]
    public void Handle_RetriesExhausted_TakesDefaultRoute()
    {
        var session = StartedInMenu();
        session.Handle(new TimerElapsed(IvrTimers.NoInput));
        session.Handle(new PromptFinished());
        session.Handle(new DigitPressed('8'));
        session.Handle(new PromptFinished());
        var commands = session.Handle(new TimerElapsed(IvrTimers.NoInput));
        Assert.Equal("vaxel", Single<Enqueue>(commands).Queue.Id);
    }

    [Fact]
    public void Handle_StaleTimer_IsIgnored()
    {
        var session = StartedInMenu();
        session.Handle(new DigitPressed('7'));
        Assert.Empty(session.Handle(new TimerElapsed(IvrTimers.NoInput)));
    }

    [Fact]
    public void Handle_DigitDuringGreeting_IsActedOnAtOnce()
    {
        var session = Session(Kommun, Open);
        session.Handle(new CallStarted("0701234567"));
        var commands = session.Handle(new DigitPressed('2'));
        Assert.IsType<StopPlayback>(commands[0]);
        Assert.Equal("assf", Single<Enqueue>(commands).Queue.Id);
    }

    [Fact]
    public void Handle_Star_RepeatsMenuWithoutCountingARetry()
    {
        var session = StartedInMenu();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(["menu_main"], Played(session.Handle(new DigitPressed('*'))));
            session.Handle(new PromptFinished());
        }

        Assert.Equal(IvrPhase.Menu, session.Phase);
    }

    [Fact]
    public void Handle_HashInStartMenu_RepeatsStartMenu() =>
        Assert.Equal(["menu_main"], Played(StartedInMenu().Handle(new DigitPressed('#'))));

    [Fact]
    public void Handle_SubmenuThenHash_GoesBack()
    {
        var dialplan = TestDialplans.Text("""
            name: t
            greeting: greeting
            menus:
              main:
                prompt: menu_main
                options:
                  1: menu:sub
                  2: transfer:+46101234567
              sub:
                prompt: menu_sub
                options:
                  1: queue:q
                default: back
            queues:
              q:
                skill: q
            """);
        var session = StartedInMenu(dialplan);
        Assert.Equal(["menu_sub"], Played(session.Handle(new DigitPressed('1'))));
        Assert.Equal("sub", session.CurrentMenu);
        Assert.Equal(["menu_main"], Played(session.Handle(new DigitPressed('#'))));
        Assert.Equal("main", session.CurrentMenu);
        var transfer = session.Handle(new DigitPressed('2'));
        Assert.Equal("+46101234567", Single<Transfer>(transfer).Target);
        Assert.Equal(OutcomeKind.Transfer, session.Outcome!.Kind);
        Assert.Equal(IvrPhase.Done, session.Phase);
        Assert.Empty(session.Handle(new DigitPressed('1')));
    }

    [Fact]
    public void Handle_HangupAction_SaysGoodbyeThenHangsUp()
    {
        var dialplan = TestDialplans.Text("name: t\nmenus:\n  main:\n    prompt: m\n    options:\n      1: hangup\n");
        var session = StartedInMenu(dialplan);
        Assert.Equal(["goodbye"], Played(session.Handle(new DigitPressed('1'))));
        Assert.IsType<HangUp>(Assert.Single(session.Handle(new PromptFinished())));
        Assert.Equal(OutcomeKind.HangUp, session.Outcome!.Kind);
    }

    [Fact]
    public void Handle_DigitDuringEmergencyMessage_IsKeptAsTypeAhead()
    {
        var dialplan = Kommun with { Emergency = Kommun.Emergency with { Enabled = true } };
        var session = Session(dialplan, Open);
        var start = session.Handle(new CallStarted("0701234567"));
        var play = Single<PlayPrompts>(start);
        Assert.Equal(["emergency"], play.Prompts);
        Assert.False(play.Interruptible);
        Assert.Empty(session.Handle(new DigitPressed('3')));
        var commands = session.Handle(new PromptFinished());
        Assert.Equal("bbmt", Single<Enqueue>(commands).Queue.Id);
    }

    [Fact]
    public void Handle_EmergencyMessageFinished_PlaysGreetingAndMenu()
    {
        var dialplan = Kommun with { Emergency = Kommun.Emergency with { Enabled = true } };
        var session = Session(dialplan, Open);
        session.Handle(new CallStarted("0701234567"));
        Assert.Equal(["greeting", "menu_main"], Played(session.Handle(new PromptFinished())));
    }
}
