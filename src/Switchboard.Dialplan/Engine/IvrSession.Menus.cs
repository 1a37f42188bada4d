using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Engine;

/// <summary>Menus: keys, repeat, back, retries and actions.</summary>
public sealed partial class IvrSession
{
    private void EnterMenu(string id, IReadOnlyList<string> prefix)
    {
        Phase = IvrPhase.Menu;
        if (CurrentMenu != id)
        {
            _attempts = 0;
        }

        CurrentMenu = id;
        var menu = Dialplan.Menus[id];
        Play([.. prefix, .. menu.Prompts], interruptible: true);
    }

    private void MenuDigit(char digit)
    {
        var menu = Dialplan.Menus[CurrentMenu!];
        var option = menu.Find(digit);
        if (option is not null)
        {
            Run(option.Action);
            return;
        }

        switch (digit)
        {
            case '*':
                Run(new DialplanAction(ActionKind.Repeat, null, SourceLocation.None));
                break;
            case '#':
                Run(new DialplanAction(ActionKind.Back, null, SourceLocation.None));
                break;
            default:
                Retry("invalid_choice");
                break;
        }
    }

    private void Retry(string prompt)
    {
        var menu = Dialplan.Menus[CurrentMenu!];
        _attempts++;
        if (_attempts > menu.Retries)
        {
            _attempts = 0;
            Run(menu.Default);
            return;
        }

        Play([prompt, .. menu.Prompts], interruptible: true);
    }

    private void Run(DialplanAction action)
    {
        switch (action.Kind)
        {
            case ActionKind.Menu:
                if (Phase == IvrPhase.Menu && CurrentMenu is { } from && from != action.Target)
                {
                    _menuStack.Push(from);
                }

                EnterMenu(action.Target!, []);
                break;
            case ActionKind.Repeat:
                EnterMenu(CurrentMenu ?? Dialplan.StartMenu, []);
                break;
            case ActionKind.Back:
                var previous = _menuStack.Count > 0 ? _menuStack.Pop() : CurrentMenu ?? Dialplan.StartMenu;
                _attempts = 0;
                EnterMenu(previous, []);
                break;
            case ActionKind.Language:
                Language = action.Target!;
                EnterMenu(CurrentMenu ?? Dialplan.StartMenu, []);
                break;
            case ActionKind.Queue:
                EnterQueue(Dialplan.Queues[action.Target!]);
                break;
            case ActionKind.Transfer:
                CancelAllTimers();
                Outcome = new IvrOutcome(OutcomeKind.Transfer, Target: action.Target);
                Emit(new Transfer(action.Target!));
                Phase = IvrPhase.Done;
                break;
            case ActionKind.Callback:
                StartCallback(Queue?.Id, keepPlace: Queue is not null);
                break;
            case ActionKind.HangUp:
                Goodbye("hangup action");
                break;
        }
    }
}
