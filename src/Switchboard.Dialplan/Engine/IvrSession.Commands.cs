namespace Switchboard.Dialplan.Engine;

/// <summary>Emitting commands and keeping track of playback and timers.</summary>
public sealed partial class IvrSession
{
    private void Emit(IvrCommand command) => _out.Add(command);

    private void Play(IReadOnlyList<string> prompts, bool interruptible, bool loop = false)
    {
        Emit(new PlayPrompts(prompts, Language, interruptible, loop));
        _playing = !loop;
        _playingInterruptible = interruptible;
    }

    private void Collect(TimeSpan timeout)
    {
        _armedTimers.Add(IvrTimers.NoInput);
        Emit(new CollectDigits(timeout, IvrTimers.NoInput));
    }

    private void SetTimer(string name, TimeSpan delay)
    {
        _armedTimers.Add(name);
        Emit(new SetTimer(name, delay));
    }

    private void CancelTimer(string name)
    {
        if (_armedTimers.Remove(name))
        {
            Emit(new CancelTimer(name));
        }
    }

    private void CancelAllTimers()
    {
        foreach (var name in _armedTimers.ToList())
        {
            CancelTimer(name);
        }
    }

    private void Goodbye(string reason)
    {
        CancelAllTimers();
        Outcome ??= new IvrOutcome(OutcomeKind.HangUp);
        _endReason = reason;
        Phase = IvrPhase.Ending;
        Play(["goodbye"], interruptible: false);
    }

    private void Finish()
    {
        CancelAllTimers();
        Outcome ??= new IvrOutcome(OutcomeKind.HangUp);
        Emit(new HangUp(_endReason));
        Phase = IvrPhase.Done;
    }

    private void Fault()
    {
        CancelAllTimers();
        Outcome = new IvrOutcome(OutcomeKind.HangUp);
        Queue = null;
        _endReason = "technical fault";
        Phase = IvrPhase.Ending;
        Play(["technical_fault"], interruptible: false);
    }
}
