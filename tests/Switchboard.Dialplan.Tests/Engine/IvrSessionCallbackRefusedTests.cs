using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;
using static Switchboard.Dialplan.Tests.Support.EngineHarness;

namespace Switchboard.Dialplan.Tests.Engine;

/// <summary>The callback store refused a confirmed request: the caller is told and may key in another number.</summary>
public class IvrSessionCallbackRefusedTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    /// <summary>A caller in BSU (no_agents: callback) who confirmed the read-back number.</summary>
    private static (IvrSession Session, IReadOnlyList<IvrCommand> Confirmed) Confirmed()
    {
        var session = Session(Kommun, "2026-11-23T10:00");
        session.Handle(new CallStarted("0701234567"));
        session.Handle(new PromptFinished());
        session.Handle(new DigitPressed('1'));
        session.Handle(new PromptFinished());
        session.Handle(new NoAgentsAvailable());
        session.Handle(new PromptFinished());
        return (session, session.Handle(new DigitPressed('1')));
    }

    [Theory]
    [InlineData("+46701234567", "0701234567")]
    [InlineData("+46 (0)70-123 45 67", "0701234567")]
    [InlineData("0046701234567", "0701234567")]
    [InlineData("+4712345678", "004712345678")]
    [InlineData("0701234567", "0701234567")]
    public void Handle_CallerNumberInE164_ConfirmsTheNationalFormThatTheStoreAccepts(string callerNumber, string requested)
    {
        var session = Session(Kommun, "2026-11-23T10:00");
        session.Handle(new CallStarted(callerNumber));
        session.Handle(new PromptFinished());
        session.Handle(new DigitPressed('1'));
        session.Handle(new PromptFinished());
        session.Handle(new NoAgentsAvailable());
        session.Handle(new PromptFinished());

        var confirmed = session.Handle(new DigitPressed('1'));

        Assert.Equal(requested, Single<RequestCallback>(confirmed).Number);
    }

    [Fact]
    public void Handle_CallbackRefused_AsksForAnotherNumberInsteadOfConfirming()
    {
        var (session, confirmed) = Confirmed();
        Assert.Equal("0701234567", Single<RequestCallback>(confirmed).Number);

        var commands = session.Handle(new CallbackRefused("DailyLimitReached"));

        Assert.Equal(["callback_invalid_number", "callback_enter_number"], Played(commands));
        Assert.Equal(IvrPhase.CallbackEntry, session.Phase);
        Assert.NotEqual(OutcomeKind.Callback, session.Outcome?.Kind);
    }

    [Fact]
    public void Handle_AnotherNumberAfterRefusal_RequestsThatNumber()
    {
        var (session, _) = Confirmed();
        session.Handle(new CallbackRefused("InvalidNumber"));
        session.Handle(new PromptFinished());
        foreach (var digit in "0812345678")
        {
            session.Handle(new DigitPressed(digit));
        }

        Assert.Equal("callback_number_is", Played(session.Handle(new DigitPressed('#')))[0]);
        session.Handle(new PromptFinished());
        Assert.Equal("0812345678", Single<RequestCallback>(session.Handle(new DigitPressed('1'))).Number);
    }

    [Fact]
    public void Handle_RefusedThreeTimesWhenNoAgents_GoodbyeNotMusicOnHold()
    {
        // Nobody is signed in, so the caller is not in the ACD queue: falling back to music would wait forever.
        var (session, _) = Confirmed();
        IReadOnlyList<IvrCommand> last = [];
        for (var i = 0; i < 3; i++)
        {
            last = session.Handle(new CallbackRefused("InvalidNumber"));
            if (session.Phase != IvrPhase.CallbackEntry)
            {
                break;
            }

            session.Handle(new PromptFinished());
            foreach (var digit in "0812345678#")
            {
                session.Handle(new DigitPressed(digit));
            }

            session.Handle(new PromptFinished());
            Assert.Single(session.Handle(new DigitPressed('1')).OfType<RequestCallback>());
        }

        Assert.Equal(["goodbye"], Played(last));
        Assert.Equal(IvrPhase.Ending, session.Phase);
    }

    [Fact]
    public void Handle_CallbackRefusedOutsideTheDialogue_Ignored()
    {
        var session = Session(Kommun, "2026-11-23T10:00");
        session.Handle(new CallStarted("0701234567"));

        Assert.Empty(session.Handle(new CallbackRefused("InvalidNumber")));
        Assert.Equal(IvrPhase.Menu, session.Phase);
    }
}
