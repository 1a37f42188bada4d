using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.Store;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// The SIP dialler for callbacks: each attempt is a <see cref="CallbackCall"/> on this node's SIP stack and media
/// engine (agent leg via the registrar, citizen leg via <see cref="TrunkOptions"/>). Connected calls are tracked so a
/// node shutdown hangs them up cleanly.
/// </summary>
public sealed class SipCallbackDialler : ICallbackDialler, IAsyncDisposable
{
    private readonly SipTelephony _sip;
    private readonly MediaEngine _media;
    private readonly PromptCatalog _prompts;
    private readonly AcdStore _acd;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CallbackCall> _calls = new(StringComparer.Ordinal);

    public SipCallbackDialler(SipTelephony sip, MediaEngine media, PromptCatalog prompts, AcdStore acd, TimeProvider timeProvider, ILogger<SipCallbackDialler>? logger = null)
    {
        _sip = sip ?? throw new ArgumentNullException(nameof(sip));
        _media = media ?? throw new ArgumentNullException(nameof(media));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _acd = acd ?? throw new ArgumentNullException(nameof(acd));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Callback calls in progress on this node (dialling or connected).</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>The call of a callback in progress on this node, if any.</summary>
    public CallbackCall? Find(string callbackId) => _calls.TryGetValue(callbackId, out var call) ? call : null;

    /// <inheritdoc />
    public async Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new CallbackCall(request, _sip, _media, _prompts, _acd, _time, _logger);
        if (!_calls.TryAdd(request.CallbackId, call))
        {
            return new CallbackDialResult(Acd.Callbacks.CallbackOutcome.Failed); // already being dialled here
        }

        var connected = false;
        try
        {
            var result = await call.RunAsync(cancellationToken).ConfigureAwait(false);
            connected = result.Outcome == Acd.Callbacks.CallbackOutcome.Answered;
            if (connected)
            {
                _ = call.Ended.ContinueWith(_ => _calls.TryRemove(new KeyValuePair<string, CallbackCall>(request.CallbackId, call)),
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return result;
        }
        finally
        {
            if (!connected)
            {
                _calls.TryRemove(new KeyValuePair<string, CallbackCall>(request.CallbackId, call));
            }
        }
    }

    /// <summary>Hangs up every callback call still connected on this node.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var call in _calls.Values)
        {
            try
            {
                await call.DisposeAsync().ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }

        _calls.Clear();
    }
}
