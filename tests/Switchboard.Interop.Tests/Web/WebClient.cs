using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// A browser's view of the web pages without a browser: HTTP from one loopback source address (127.0.0.x), the sign-in
/// form's anti-forgery field, the session cookie, and gRPC-Web calls carrying the cookie and the anti-forgery header as
/// the console's script does.
/// </summary>
public sealed partial class WebClient : IDisposable
{
    private readonly Uri _web;
    private readonly IPAddress _local;

    public WebClient(Uri web, string source = "127.0.0.1")
    {
        _web = web;
        _local = IPAddress.Parse(source);
        Http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = ConnectFrom(_local),
        })
        { BaseAddress = web };
    }

    public HttpClient Http { get; }

    /// <summary>The session cookie's value after a successful sign-in.</summary>
    public string? Session { get; set; }

    /// <summary>The session's anti-forgery token (read from the page, as the script does).</summary>
    public string? Csrf { get; set; }

    /// <summary>GET /signin, then POST the form with <paramref name="token"/>; returns the POST's response (302 on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string token, string next = "/console", IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var form = await Http.GetAsync(new Uri("/signin?next=" + Uri.EscapeDataString(next), UriKind.Relative)).DefaultTimeout();
        var html = await form.Content.ReadAsStringAsync().DefaultTimeout();
        var csrf = CsrfField().Match(html).Groups[1].Value;
        var cookie = Cookie(form, "sb_signin") ?? throw new InvalidOperationException("no sign-in cookie");
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("token", token), new("csrf", csrf), new("next", next)]),
        };
        post.Headers.Add("Cookie", "sb_signin=" + cookie + (Session is null ? string.Empty : "; sb_session=" + Session));
        foreach (var (name, value) in headers ?? [])
        {
            post.Headers.Add(name, value);
        }

        var response = await Http.SendAsync(post).DefaultTimeout();
        if (response.StatusCode == HttpStatusCode.Found && Cookie(response, "sb_session") is { } session)
        {
            Session = session;
            Csrf = await ReadCsrfAsync(next == "/wallboard" ? "/wallboard" : "/console").ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>GETs <paramref name="path"/> with the session cookie (if any).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? session = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if ((session ?? Session) is { } value)
        {
            request.Headers.Add("Cookie", "sb_session=" + value);
        }

        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).DefaultTimeout();
    }

    /// <summary>POST /signout with the session's anti-forgery token (or <paramref name="csrf"/>).</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string? csrf = null)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/signout", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("csrf", csrf ?? Csrf ?? string.Empty)]),
        };
        post.Headers.Add("Cookie", "sb_session=" + Session);
        return await Http.SendAsync(post).DefaultTimeout();
    }

    /// <summary>A gRPC channel speaking gRPC-Web to <c>Web:Url</c> with the session cookie and (unless <paramref name="withCsrf"/> is false) the anti-forgery header.</summary>
    public GrpcChannel GrpcWeb(bool withCsrf = true, string? session = null)
    {
        return CreateChannel(session ?? Session, withCsrf ? Csrf : null);
    }

    public void Dispose() => Http.Dispose();

    private GrpcChannel CreateChannel(string? cookie, string? csrf)
    {
        // From this client's source address too, so the server's per-source counters are the test's own.
        var handler = new HeaderHandler(cookie, csrf) { InnerHandler = new SocketsHttpHandler { UseCookies = false, ConnectCallback = ConnectFrom(_local) } };
        return GrpcChannel.ForAddress(_web, new GrpcChannelOptions { HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, handler), HttpVersion = HttpVersion.Version11, HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact });
    }

    /// <summary>Connects from <paramref name="local"/> (any port), so the server sees that source address.</summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectFrom(IPAddress local) => async (context, ct) =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    private async Task<string?> ReadCsrfAsync(string page)
    {
        using var response = await GetAsync(page).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Found)
        {
            using var agent = await GetAsync(response.Headers.Location!.ToString()).ConfigureAwait(false);
            return CsrfMeta().Match(await agent.Content.ReadAsStringAsync().DefaultTimeout()).Groups[1].Value is { Length: > 0 } v ? v : null;
        }

        var html = await response.Content.ReadAsStringAsync().DefaultTimeout();
        var match = CsrfMeta().Match(html);
        return match.Success ? match.Groups[1].Value : CsrfField().Match(html).Groups[1].Value;
    }

    /// <summary>The value a response sets for cookie <paramref name="name"/>; null when it sets none.</summary>
    public static string? Cookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v[(name.Length + 1)..].Split(';')[0]).FirstOrDefault(v => v.Length > 0)
            : null;
    }

    /// <summary>The whole Set-Cookie header for <paramref name="name"/> (attributes included).</summary>
    public static string? SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    private sealed class HeaderHandler(string? cookie, string? csrf) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", "sb_session=" + cookie);
            }

            if (csrf is not null)
            {
                request.Headers.Add("x-csrf-token", csrf);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
