using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Simulation;

/// <summary>
/// Walks the IVR engine at one instant with a caller who listens to each prompt to the end and then presses the next
/// key (or stays silent when none is left). Stops when the call is queued, transferred or ended.
/// </summary>
public static class DialplanSimulator
{
    private const int MaxSteps = 200;

    /// <summary>Runs the dry run at <paramref name="instant"/> pressing <paramref name="digits"/> in order.</summary>
    public static SimulationResult Run(
        DialplanDefinition dialplan,
        DateTimeOffset instant,
        string digits,
        string callerNumber = "0701234567",
        string? language = null,
        LiveOverride? liveOverride = null)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        var session = new IvrSession(dialplan, new FixedTimeProvider(instant), liveOverride);
        var keys = new Queue<char>(digits ?? string.Empty);
        var steps = new List<SimulationStep>();
        IvrEvent next = new CallStarted(callerNumber, language);
        while (steps.Count < MaxSteps)
        {
            var commands = session.Handle(next);
            steps.Add(new SimulationStep(next, commands));
            if (session.Phase == IvrPhase.Done || (session.Phase == IvrPhase.Queued && commands.Any(c => c is Enqueue)))
            {
                break;
            }

            var playing = commands.OfType<PlayPrompts>().LastOrDefault() is { Loop: false };
            var collecting = commands.OfType<CollectDigits>().LastOrDefault();
            if (playing)
            {
                next = new PromptFinished();
            }
            else if (keys.Count > 0)
            {
                next = new DigitPressed(keys.Dequeue());
            }
            else if (collecting is not null)
            {
                next = new TimerElapsed(collecting.TimerName);
            }
            else
            {
                break;
            }
        }

        return new SimulationResult(session.Status!, steps, session.Outcome ?? new IvrOutcome(OutcomeKind.HangUp), session.Language,
            new string([.. keys]));
    }
}
