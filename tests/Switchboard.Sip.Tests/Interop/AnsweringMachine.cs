using Switchboard.Sip.Dialogs;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Answers every incoming call and keeps it up until the peer hangs up (what the server does before the call flow exists).</summary>
internal sealed class AnsweringMachine : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;
    private int _answered;
    private int _ended;
    private readonly TaskCompletionSource _firstAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipDialog> _firstDialog = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AnsweringMachine(SipUserAgent ua)
    {
        _loop = Task.Run(async () =>
        {
            try
            {
                await foreach (var call in ua.IncomingCalls.ReadAllAsync(_cts.Token))
                {
                    _ = HandleAsync(call);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private readonly SemaphoreSlim _endedSignal = new(0);

    public List<string> Errors { get; } = [];

    public int Answered => Volatile.Read(ref _answered);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Completes when the first call has been answered and ACKed (a peer may see 200 before we see its ACK).</summary>
    public Task FirstAnswered => _firstAnswered.Task;

    /// <summary>Our dialog of the first answered call (to follow how it ends).</summary>
    public Task<SipDialog> FirstDialog => _firstDialog.Task;

    private async Task HandleAsync(IncomingCall call)
    {
        try
        {
            await call.RingAsync();
            var dialog = await call.AnswerAsync(TestSdp.ContentType, TestSdp.Create());
            Interlocked.Increment(ref _answered);
            _firstDialog.TrySetResult(dialog);
            _firstAnswered.TrySetResult();
            await dialog.Terminated;
            Interlocked.Increment(ref _ended);
            _endedSignal.Release();
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            lock (Errors)
            {
                Errors.Add(ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> answered calls have ended (their dialogs terminated).</summary>
    public async Task WaitForEndedAsync(int count)
    {
        while (Ended < count)
        {
            await _endedSignal.WaitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
        _endedSignal.Dispose();
    }
}
