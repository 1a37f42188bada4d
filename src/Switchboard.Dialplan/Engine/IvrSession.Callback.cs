namespace Switchboard.Dialplan.Engine;

/// <summary>The callback dialogue: read back the number, confirm or enter another.</summary>
public sealed partial class IvrSession
{
    private const int MinNumberDigits = 7;
    private const int MaxNumberDigits = 15;
    private string? _callbackQueue;
    private bool _callbackKeepPlace;
    private string _callbackNumber = string.Empty;
    private string _entered = string.Empty;
    private int _callbackAttempts;
    private bool _callbackNotQueued;

    private void StartCallback(string? queueId, bool keepPlace)
    {
        CancelTimer(IvrTimers.Announce);
        CancelTimer(IvrTimers.CallbackOffer);
        CancelTimer(IvrTimers.MaxWait);
        _callbackQueue = queueId;
        _callbackKeepPlace = keepPlace;
        _callbackAttempts = 0;
        _callbackNotQueued = false;
        _callbackNumber = DialableForm(_callerNumber);
        if (IsValidNumber(_callbackNumber))
        {
            AskConfirm();
        }
        else
        {
            AskEntry([]);
        }
    }

    /// <summary>
    /// The caller's number as digits a caller could key in: a Swedish E.164 number (<c>+46701234567</c>, as many
    /// trunks send it) becomes national (<c>0701234567</c>), any other <c>+CC...</c> becomes <c>00CC...</c>.
    /// </summary>
    internal static string DialableForm(string callerNumber)
    {
        var text = (callerNumber ?? string.Empty).Trim();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (text.StartsWith('+'))
        {
            digits = "00" + digits;
        }

        return digits.StartsWith("0046", StringComparison.Ordinal) ? "0" + digits[4..].TrimStart('0') : digits;
    }

    private static bool IsValidNumber(string digits) =>
        digits.Length is >= MinNumberDigits and <= MaxNumberDigits && digits.All(char.IsAsciiDigit);

    private void AskConfirm() => AskConfirm([]);

    private void AskConfirm(IReadOnlyList<string> prefix)
    {
        Phase = IvrPhase.CallbackConfirm;
        Play([.. prefix, "callback_number_is", .. NumberPrompts.Digits(_callbackNumber), "callback_confirm"], interruptible: true);
    }

    private void AskEntry(IReadOnlyList<string> prefix)
    {
        Phase = IvrPhase.CallbackEntry;
        _entered = string.Empty;
        Play([.. prefix, "callback_enter_number"], interruptible: true);
    }

    private void CallbackConfirmDigit(char digit)
    {
        switch (digit)
        {
            case '1':
                CancelAllTimers();
                Outcome = new IvrOutcome(OutcomeKind.Callback, Queue: _callbackQueue);
                Emit(new RequestCallback(_callbackQueue, _callbackNumber, _callbackKeepPlace));
                _endReason = "callback registered";
                Phase = IvrPhase.Ending;
                Play([_callbackKeepPlace ? "callback_confirmed" : "callback_request_confirmed", "goodbye"], interruptible: false);
                break;
            case '2':
                AskEntry([]);
                break;
            default:
                CallbackRetry(AskConfirm, "invalid_choice");
                break;
        }
    }

    private void CallbackEntryDigit(char digit)
    {
        if (char.IsAsciiDigit(digit))
        {
            _entered += digit;
            if (_entered.Length > MaxNumberDigits)
            {
                CallbackRetry(AskEntry, "callback_invalid_number");
                return;
            }

            _armedTimers.Add(IvrTimers.NoInput);
            Emit(new CollectDigits(CurrentTimeout, IvrTimers.NoInput));
            return;
        }

        if (digit == '#' && IsValidNumber(_entered))
        {
            _callbackNumber = _entered;
            AskConfirm();
            return;
        }

        CallbackRetry(AskEntry, "callback_invalid_number");
    }

    private void CallbackTimeout()
    {
        if (Phase == IvrPhase.CallbackEntry && IsValidNumber(_entered))
        {
            _callbackNumber = _entered;
            AskConfirm();
            return;
        }

        CallbackRetry(Phase == IvrPhase.CallbackConfirm ? AskConfirm : AskEntry, "no_input");
    }

    /// <summary>The confirmed request was refused: back to entering a number (the confirmation never played).</summary>
    private void OnCallbackRefused()
    {
        if (_playing)
        {
            Emit(new StopPlayback());
            _playing = false;
        }

        _typeAhead.Clear();
        _endReason = "done";
        Outcome = _callbackKeepPlace && Queue is not null && !_callbackNotQueued ? new IvrOutcome(OutcomeKind.Queue, Queue: Queue.Id) : null;
        CallbackRetry(AskEntry, "callback_invalid_number");
    }

    private void CallbackRetry(Action<IReadOnlyList<string>> again, string prompt)
    {
        _callbackAttempts++;
        if (_callbackAttempts > 2)
        {
            if (_callbackKeepPlace && Queue is not null && !_callbackNotQueued)
            {
                // Back to waiting: the caller keeps the place they had.
                Phase = IvrPhase.Queued;
                PlayMusic();
                return;
            }

            Goodbye("callback dialogue failed");
            return;
        }

        again([prompt]);
    }
}
