using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;
using static Switchboard.Dialplan.Tests.Support.EngineHarness;

namespace Switchboard.Dialplan.Tests.Engine;

public class IvrSessionClosedTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    [Fact]
    public void Handle_StartedAfterHours_PlaysClosedAndOffersCallbackRequest()
    {
        var session = Session(Kommun, "2026-11-23T18:00");
        Assert.Equal(["closed", "socialjouren"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("weekly", session.Status!.Reason);
        Assert.False(session.Status.Open);
        Assert.Equal(["callback_offer_closed"], Played(session.Handle(new PromptFinished())));
        Assert.Equal(IvrPhase.ClosedCallbackOffer, session.Phase);
    }

    [Fact]
    public void Handle_ClosedCallbackAccepted_RegistersRequestWithoutPlace()
    {
        var session = Session(Kommun, "2026-11-23T18:00");
        session.Handle(new CallStarted("070-123 45 67"));
        session.Handle(new PromptFinished());
        session.Handle(new PromptFinished());
        var readBack = Played(session.Handle(new DigitPressed('1')));
        Assert.Equal(["callback_number_is", "digit_0", "digit_7", "digit_0", "digit_1", "digit_2", "digit_3", "digit_4", "digit_5", "digit_6", "digit_7", "callback_confirm"], readBack);
        session.Handle(new PromptFinished());
        var commands = session.Handle(new DigitPressed('1'));
        var request = Single<RequestCallback>(commands);
        Assert.Equal(new RequestCallback(null, "0701234567", false), request);
        Assert.Equal(["callback_request_confirmed", "goodbye"], Played(commands));
        Assert.Equal(OutcomeKind.Callback, session.Outcome!.Kind);
        Assert.IsType<HangUp>(Assert.Single(session.Handle(new PromptFinished())));
    }

    [Fact]
    public void Handle_ClosedCallbackOfferNoAnswer_SaysGoodbye()
    {
        var session = Session(Kommun, "2026-11-23T18:00");
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        session.Handle(new PromptFinished());
        Assert.Equal(["goodbye"], Played(session.Handle(new TimerElapsed(IvrTimers.NoInput))));
        Assert.IsType<HangUp>(Assert.Single(session.Handle(new PromptFinished())));
        Assert.Equal(OutcomeKind.HangUp, session.Outcome!.Kind);
    }

    [Fact]
    public void Handle_StartedAtLunch_PlaysLunchPrompt()
    {
        var session = Session(Kommun, "2026-11-23T12:15");
        Assert.Equal(["lunch"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("lunch", session.Status!.Reason);
    }

    [Fact]
    public void Handle_StartedOnHoliday_PlaysHolidayAndHangsUp()
    {
        var session = Session(Kommun, "2026-12-24T10:00");
        Assert.Equal(["holiday", "socialjouren"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("holiday:Julafton", session.Status!.Reason);
        Assert.Equal(["goodbye"], Played(session.Handle(new PromptFinished())));
        Assert.IsType<HangUp>(Assert.Single(session.Handle(new PromptFinished())));
    }

    [Fact]
    public void Handle_StartedOnClosedException_UsesExceptionPrompt()
    {
        var dialplan = Kommun with
        {
            Hours = Kommun.Hours with
            {
                Exceptions = [new DatedException(new DateOnly(2026, 11, 23), true, [], ["emergency"], "stängt", SourceLocation.None)],
            },
        };
        var session = Session(dialplan, "2026-11-23T10:00");
        Assert.Equal(["emergency"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("exception", session.Status!.Reason);
    }

    [Fact]
    public void Handle_StartedOnExceptionWithoutPrompt_UsesClosedPrompt()
    {
        var session = Session(Kommun, "2027-01-05T10:00");
        Assert.Equal(["closed", "socialjouren"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("exception", session.Status!.Reason);
    }

    [Fact]
    public void Handle_EmergencyClosed_PlaysEmergencyThenClosed()
    {
        var dialplan = Kommun with { Emergency = new EmergencyMessage(true, ["emergency"], true, SourceLocation.None) };
        var session = Session(dialplan, "2026-11-23T10:00");
        Assert.Equal(["emergency", "closed", "socialjouren"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("emergency", session.Status!.Reason);
        Assert.False(session.Status.Open);
    }

    [Fact]
    public void Handle_LiveOverrideOpenOnHoliday_GoesToMenu()
    {
        var session = Session(Kommun, "2026-12-24T10:00", new LiveOverride(true, null));
        Assert.Equal(["greeting", "menu_main"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("override", session.Status!.Reason);
    }

    [Fact]
    public void Handle_QueueWithOwnHoursClosed_PlaysClosedInsteadOfEnqueue()
    {
        // BBMT closes at 12:00 on Fridays while the dialplan is open until 16:00.
        var session = Session(Kommun, "2026-11-27T14:00");
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        var commands = session.Handle(new DigitPressed('3'));
        Assert.Empty(commands.OfType<Enqueue>());
        Assert.Equal(["closed", "socialjouren"], Played(commands));
        Assert.Equal(IvrPhase.Closed, session.Phase);
    }

    [Fact]
    public void Handle_KeyDuringClosedMessage_SkipsToAction()
    {
        var session = Session(Kommun, "2026-11-23T18:00");
        session.Handle(new CallStarted("0701234567"));
        var commands = session.Handle(new DigitPressed('5'));
        Assert.IsType<StopPlayback>(commands[0]);
        Assert.Equal(["callback_offer_closed"], Played(commands));
    }

    [Fact]
    public void Handle_EmergencyClosedWithExpiredOverride_StaysClosed()
    {
        var dialplan = Kommun with { Emergency = new EmergencyMessage(true, ["emergency"], true, SourceLocation.None) };
        var expired = new LiveOverride(true, OpeningHoursEvaluator.ToInstant(new DateTime(2026, 11, 23, 9, 0, 0), Kommun.TimeZone));
        var session = Session(dialplan, "2026-11-23T10:00", expired);
        session.Handle(new CallStarted("0701234567"));
        Assert.Equal("emergency", session.Status!.Reason);
    }

    [Fact]
    public void Handle_EmergencyClosedWithLiveOpenOverride_PlaysMessageThenMenu()
    {
        var dialplan = Kommun with { Emergency = new EmergencyMessage(true, ["emergency"], true, SourceLocation.None) };
        var session = Session(dialplan, "2026-11-23T10:00", new LiveOverride(true, null));
        Assert.Equal(["emergency"], Played(session.Handle(new CallStarted("0701234567"))));
        Assert.Equal("override", session.Status!.Reason);
        Assert.Equal(["greeting", "menu_main"], Played(session.Handle(new PromptFinished())));
    }
}
