using System.Net;

namespace Switchboard.TestSupport.Otlp;

/// <summary>
/// A real OTLP/HTTP trace receiver on a loopback port: accepts <c>POST /v1/traces</c> with a protobuf
/// <c>ExportTraceServiceRequest</c> (as the OpenTelemetry exporter sends it), answers 200 and keeps the decoded spans.
/// Tests wait on <see cref="WaitForAsync"/> (a state with a deadline), never on time.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private const int MaxBody = 8 * 1024 * 1024;
    private readonly HttpListener _listener = new();
    private readonly List<OtlpSpan> _spans = [];
    private readonly Task _loop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpTraceReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base address to give the exporter (<c>/v1/traces</c> is the path it posts to).</summary>
    public Uri Endpoint { get; }

    /// <summary>Requests that could not be decoded (a test asserts there were none).</summary>
    public int BadRequests { get; private set; }

    public static OtlpTraceReceiver Start() => new(RedisServer.FreeTcpPort());

    /// <summary>The spans received so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the spans received (checked after each export), or the timeout.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> done, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_spans)
            {
                changed = _changed.Task;
            }

            var spans = Spans;
            if (done(spans))
            {
                return spans;
            }

            try
            {
                await changed.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the spans never matched; received {spans.Count}: {string.Join(", ", spans.Select(s => s.Scope + "/" + s.Name))}");
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/v1/traces" || context.Request.ContentLength64 > MaxBody)
        {
            response.StatusCode = 404;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
        try
        {
            var spans = OtlpTraceDecoder.Decode(body.ToArray());
            TaskCompletionSource changed;
            lock (_spans)
            {
                _spans.AddRange(spans);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
            response.StatusCode = 200;
            response.ContentType = "application/x-protobuf";
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            BadRequests++;
            response.StatusCode = 400;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
