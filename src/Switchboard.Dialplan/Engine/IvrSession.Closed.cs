using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Engine;

/// <summary>Closed, lunch, holiday, exception and emergency handling.</summary>
public sealed partial class IvrSession
{
    private void EnterClosed(OpenStatus status, IReadOnlyList<string> prefix)
    {
        var handling = ClosedHandlingFor(status);
        Phase = IvrPhase.Closed;
        _closedHandling = handling;
        Play([.. prefix, .. handling.Prompts], interruptible: true);
    }

    private ClosedHandling ClosedHandlingFor(OpenStatus status)
    {
        if (status.Reason == OpenReason.Lunch)
        {
            return Dialplan.Lunch;
        }

        if (status.IsHoliday)
        {
            return Dialplan.Holiday;
        }

        if (status.Exception is { Prompts.Count: > 0 } exception && status.Reason == OpenReason.Exception)
        {
            return Dialplan.Closed with { Prompts = exception.Prompts };
        }

        return Dialplan.Closed;
    }

    private void ClosedAction()
    {
        var action = _closedHandling!.Action;
        if (action.Kind == ActionKind.Callback)
        {
            Phase = IvrPhase.ClosedCallbackOffer;
            Play(["callback_offer_closed"], interruptible: true);
            return;
        }

        Run(action);
    }
}
