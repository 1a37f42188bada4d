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

    public List<string> Errors { get; } = [];

    public int Answered => Volatile.Read(ref _answered);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Completes when the first call has been answered and ACKed (a peer may see 200 before we see its ACK).</summary>
    public Task FirstAnswered => _firstAnswered.Task;

    private async Task HandleAsync(IncomingCall call)
    {
        try
        {
            await call.RingAsync();
            var dialog = await call.AnswerAsync(TestSdp.ContentType, TestSdp.Create());
            Interlocked.Increment(ref _answered);
            _firstAnswered.TrySetResult();
            await dialog.Terminated;
            Interlocked.Increment(ref _ended);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            lock (Errors)
            {
                Errors.Add(ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
    }
}
