using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Engine;

/// <summary>
/// The IVR for one call: a pure state machine. Feed it <see cref="IvrEvent"/>s, execute the <see cref="IvrCommand"/>s it
/// returns. It reads the clock only through <see cref="TimeProvider"/> and does no I/O. It keeps the dialplan version it
/// was created with for the whole call. Not thread-safe: one call, one caller of <see cref="Handle"/> at a time.
/// </summary>
public sealed partial class IvrSession
{
    private readonly TimeProvider _timeProvider;
    private readonly LiveOverride? _liveOverride;
    private readonly Stack<string> _menuStack = new();
    private readonly Queue<char> _typeAhead = new();
    private readonly HashSet<string> _armedTimers = new(StringComparer.Ordinal);
    private List<IvrCommand> _out = [];
    private bool _playing;
    private bool _playingInterruptible;
    private int _attempts;
    private string _callerNumber = string.Empty;
    private List<string>? _pendingMenuPrompts;
    private ClosedHandling? _closedHandling;
    private string _endReason = "done";

    /// <summary>Creates the session for one call on <paramref name="dialplan"/>.</summary>
    public IvrSession(DialplanDefinition dialplan, TimeProvider timeProvider, LiveOverride? liveOverride = null)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Dialplan = dialplan;
        _timeProvider = timeProvider;
        _liveOverride = liveOverride;
        Language = dialplan.DefaultLanguage;
    }

    /// <summary>The dialplan (and so version) this call runs on.</summary>
    public DialplanDefinition Dialplan { get; }

    /// <summary>The current phase.</summary>
    public IvrPhase Phase { get; private set; } = IvrPhase.Idle;

    /// <summary>The language prompts are played in now.</summary>
    public string Language { get; private set; }

    /// <summary>The current menu id, when in a menu.</summary>
    public string? CurrentMenu { get; private set; }

    /// <summary>The open status decided when the call started.</summary>
    public OpenStatus? Status { get; private set; }

    /// <summary>The outcome once known (queue may later turn into callback).</summary>
    public IvrOutcome? Outcome { get; private set; }

    /// <summary>The queue the caller waits in, if any.</summary>
    public QueueDefinition? Queue { get; private set; }

    /// <summary>Handles one event and returns what to do, in order.</summary>
    public IReadOnlyList<IvrCommand> Handle(IvrEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _out = [];
        if (Phase == IvrPhase.Done)
        {
            return _out;
        }

        switch (e)
        {
            case CallStarted started when Phase == IvrPhase.Idle:
                Start(started);
                break;
            case DigitPressed digit when IsKey(digit.Digit):
                OnDigit(digit.Digit);
                break;
            case PromptFinished:
                _playing = false;
                OnPromptFinished();
                break;
            case TimerElapsed timer when _armedTimers.Remove(timer.Name):
                OnTimer(timer.Name);
                break;
            case QueueUpdate update when Phase is IvrPhase.Queued:
                OnQueueUpdate(update);
                break;
            case QueueUnavailable:
                Fault();
                break;
            case NoAgentsAvailable when Phase is IvrPhase.Queued:
                OnNoAgents();
                break;
            case CallbackRefused when Phase is IvrPhase.Ending && Outcome?.Kind == OutcomeKind.Callback:
                OnCallbackRefused();
                break;
            case AgentConnected:
                CancelAllTimers();
                if (_playing)
                {
                    Emit(new StopPlayback());
                }

                Phase = IvrPhase.Done;
                break;
        }

        return _out;
    }

    private static bool IsKey(char c) => char.IsAsciiDigit(c) || c is '*' or '#';

    private void Start(CallStarted started)
    {
        _callerNumber = started.CallerNumber ?? string.Empty;
        if (started.Language is { } language && Dialplan.Languages.Contains(language))
        {
            Language = language;
        }

        var now = _timeProvider.GetUtcNow();
        Status = OpeningHoursEvaluator.Evaluate(Dialplan.Hours, Dialplan.TimeZone, now, _liveOverride);
        var emergency = Dialplan.Emergency.Enabled ? Dialplan.Emergency : null;
        if (emergency is { Closed: true } && Status.Reason != OpenReason.Override)
        {
            Status = Status with { Open = false, Reason = OpenReason.Emergency };
        }

        if (!Status.Open)
        {
            EnterClosed(Status, emergency?.Prompts ?? []);
            return;
        }

        if (emergency is not null)
        {
            // The emergency message is heard in full; keys pressed meanwhile are kept as type-ahead.
            Play(emergency.Prompts, interruptible: false);
            _pendingMenuPrompts = [.. Dialplan.Greeting];
            Phase = IvrPhase.Menu;
            CurrentMenu = Dialplan.StartMenu;
            return;
        }

        EnterMenu(Dialplan.StartMenu, [.. Dialplan.Greeting]);
    }

    private void OnPromptFinished()
    {
        switch (Phase)
        {
            case IvrPhase.Menu when _pendingMenuPrompts is { } pending:
                _pendingMenuPrompts = null;
                if (TryTypeAhead())
                {
                    return;
                }

                EnterMenu(CurrentMenu!, pending);
                break;
            case IvrPhase.Menu:
            case IvrPhase.ClosedCallbackOffer:
            case IvrPhase.CallbackConfirm:
            case IvrPhase.CallbackEntry:
                if (!TryTypeAhead())
                {
                    Collect(CurrentTimeout);
                }

                break;
            case IvrPhase.Closed:
                ClosedAction();
                break;
            case IvrPhase.Queued:
                PlayMusic();
                break;
            case IvrPhase.Ending:
                Finish();
                break;
        }
    }

    private TimeSpan CurrentTimeout => Phase == IvrPhase.Menu && CurrentMenu is { } id ? Dialplan.Menus[id].Timeout : TimeSpan.FromSeconds(8);

    private bool TryTypeAhead()
    {
        if (_typeAhead.Count == 0)
        {
            return false;
        }

        OnDigit(_typeAhead.Dequeue());
        return true;
    }

    private void OnDigit(char digit)
    {
        if (_playing && !_playingInterruptible)
        {
            _typeAhead.Enqueue(digit);
            return;
        }

        if (_playing && Phase != IvrPhase.Queued && Phase != IvrPhase.Closed)
        {
            Emit(new StopPlayback());
            _playing = false;
        }

        CancelTimer(IvrTimers.NoInput);
        switch (Phase)
        {
            case IvrPhase.Menu:
                _pendingMenuPrompts = null;
                MenuDigit(digit);
                break;
            case IvrPhase.Closed:
                // A key during the closed message skips to its action.
                Emit(new StopPlayback());
                _playing = false;
                ClosedAction();
                break;
            case IvrPhase.ClosedCallbackOffer:
                if (digit == '1')
                {
                    StartCallback(queueId: null, keepPlace: false);
                }
                else
                {
                    Goodbye("declined callback request");
                }

                break;
            case IvrPhase.Queued:
                QueuedDigit(digit);
                break;
            case IvrPhase.CallbackConfirm:
                CallbackConfirmDigit(digit);
                break;
            case IvrPhase.CallbackEntry:
                CallbackEntryDigit(digit);
                break;
        }
    }

    private void OnTimer(string name)
    {
        switch (name)
        {
            case IvrTimers.NoInput when Phase == IvrPhase.Menu:
                Retry("no_input");
                break;
            case IvrTimers.NoInput when Phase == IvrPhase.ClosedCallbackOffer:
                Goodbye("no answer to callback request offer");
                break;
            case IvrTimers.NoInput when Phase is IvrPhase.CallbackConfirm or IvrPhase.CallbackEntry:
                CallbackTimeout();
                break;
            default:
                QueuedTimer(name);
                break;
        }
    }
}
