using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Grpc.Core;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Supervisor.V1;
using Switchboard.TestSupport;
using AgentClient = Switchboard.Api.Agent.V1.AgentService.AgentServiceClient;
using SupervisorClient = Switchboard.Api.Supervisor.V1.SupervisorService.SupervisorServiceClient;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// Server-side web sessions against the real server process and Redis (issue 15 item 4): the cookie holds a random id,
/// never a token; sign-in and sign-out need the anti-forgery token; sign-in is throttled per source; forwarded headers
/// count only from the configured proxy; gRPC-Web calls with the session honour the API's roles exactly.
/// </summary>
public sealed class WebSessionTests(WebServerFixture fixture) : IClassFixture<WebServerFixture>
{
    private Uri Web => fixture.Server.WebUrl;

    [Fact]
    public async Task SignIn_SupervisorToken_SessionCookieHoldsNoTokenAndSignOutEndsIt()
    {
        using var client = new WebClient(Web, "127.0.0.11");
        using var response = await client.SignInAsync(WebServerFixture.SupervisorToken, "/wallboard");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/wallboard", response.Headers.Location?.ToString());
        var cookie = WebClient.SetCookie(response, "sb_session")!;
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WebServerFixture.SupervisorToken, cookie, StringComparison.Ordinal);
        Assert.Equal(43, client.Session!.Length);
        Assert.NotNull(client.Csrf);
        using (var events = await client.GetAsync("/wallboard/events"))
        {
            Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        }

        var old = client.Session;
        using var signOut = await client.SignOutAsync();
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);

        using var page = await client.GetAsync("/wallboard", old);
        using var afterEvents = await client.GetAsync("/wallboard/events", old);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterEvents.StatusCode);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new SupervisorClient(client.GrpcWeb(session: old)).ListAgentsAsync(new ListAgentsRequest()).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task SignIn_FormWithoutItsAntiForgeryToken_RefusedWithoutSession()
    {
        using var client = new WebClient(Web, "127.0.0.12");
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("token", WebServerFixture.SupervisorToken), new("csrf", "forged"), new("next", "/console")]),
        };
        post.Headers.Add("Cookie", "sb_signin=another-value");
        using var response = await client.Http.SendAsync(post).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(WebClient.Cookie(response, "sb_session"));
    }

    [Fact]
    public async Task SignOut_WithoutTheSessionsAntiForgeryToken_SessionStays()
    {
        using var client = new WebClient(Web, "127.0.0.13");
        (await client.SignInAsync(WebServerFixture.SupervisorToken, "/wallboard")).Dispose();

        using var forged = await client.SignOutAsync(csrf: "not-the-token");
        using var events = await client.GetAsync("/wallboard/events");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanAllowedFromOneSource_ThrottledWhileAnotherSourceSignsIn()
    {
        using var attacker = new WebClient(Web, "127.0.0.14");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await attacker.SignInAsync("wrong-token-0123456789-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // The sixth attempt is refused before the token is looked at, even the right one.
        using var throttled = await attacker.SignInAsync(WebServerFixture.SupervisorToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Null(WebClient.Cookie(throttled, "sb_session"));

        using var other = new WebClient(Web, "127.0.0.15");
        using var fine = await other.SignInAsync(WebServerFixture.SupervisorToken);
        Assert.Equal(HttpStatusCode.Found, fine.StatusCode);
    }

    [Fact]
    public async Task SignIn_BehindTheConfiguredTlsProxy_SecureCookieAndClientAddressThrottled()
    {
        // Through the trusted proxy: X-Forwarded-Proto https makes the cookie Secure; X-Forwarded-For is the source.
        using var proxy = new WebClient(Web, WebServerFixture.Proxy);
        using var viaProxy = await proxy.SignInAsync(WebServerFixture.AgentToken, headers: [new("X-Forwarded-Proto", "https"), new("X-Forwarded-For", "192.0.2.10")]);
        Assert.Equal(HttpStatusCode.Found, viaProxy.StatusCode);
        Assert.Contains("secure", WebClient.SetCookie(viaProxy, "sb_session")!, StringComparison.OrdinalIgnoreCase);

        // The same headers from an address that is not a configured proxy are ignored.
        using var direct = new WebClient(Web, "127.0.0.16");
        using var notProxied = await direct.SignInAsync(WebServerFixture.AgentToken, headers: [new("X-Forwarded-Proto", "https"), new("X-Forwarded-For", "192.0.2.11")]);
        Assert.Equal(HttpStatusCode.Found, notProxied.StatusCode);
        Assert.DoesNotContain("secure", WebClient.SetCookie(notProxied, "sb_session")!, StringComparison.OrdinalIgnoreCase);

        // Throttling counts the forwarded client, not the proxy: 192.0.2.12 uses up its attempts, 192.0.2.13 still signs in.
        for (var i = 0; i < 5; i++)
        {
            (await proxy.SignInAsync("wrong-token-0123456789-" + i, headers: [new("X-Forwarded-For", "192.0.2.12")])).Dispose();
        }

        using var throttled = await proxy.SignInAsync(WebServerFixture.AgentToken, headers: [new("X-Forwarded-For", "192.0.2.12")]);
        using var other = await proxy.SignInAsync(WebServerFixture.AgentToken, headers: [new("X-Forwarded-For", "192.0.2.13")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.Found, other.StatusCode);
    }

    [Fact]
    public async Task GrpcWeb_AgentSession_OwnRpcsOnlyAndNeverSupervisorOnes()
    {
        using var client = new WebClient(Web, "127.0.0.17");
        (await client.SignInAsync(WebServerFixture.AgentToken)).Dispose();

        var statistics = await new AgentClient(client.GrpcWeb()).GetMyStatisticsAsync(new GetMyStatisticsRequest()).ResponseAsync.DefaultTimeout();
        Assert.NotNull(statistics.DayStart);

        var supervisor = await Assert.ThrowsAsync<RpcException>(() => new SupervisorClient(client.GrpcWeb()).ListAgentsAsync(new ListAgentsRequest()).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, supervisor.StatusCode);
        var other = await Assert.ThrowsAsync<RpcException>(() => new AgentClient(client.GrpcWeb()).GetMyStatisticsAsync(new GetMyStatisticsRequest { AgentId = "bo" }).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);

        // Without the anti-forgery header the cookie alone authenticates nothing.
        var noCsrf = await Assert.ThrowsAsync<RpcException>(() => new AgentClient(client.GrpcWeb(withCsrf: false)).GetMyStatisticsAsync(new GetMyStatisticsRequest()).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.Unauthenticated, noCsrf.StatusCode);

        // The supervisor's pages are not served to an agent either.
        using var page = await client.GetAsync("/console/supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task GrpcWeb_SupervisorSession_SupervisorRpcsButNoAgentOnes()
    {
        using var client = new WebClient(Web, "127.0.0.18");
        (await client.SignInAsync(WebServerFixture.SupervisorToken)).Dispose();

        // Refused calls throw; these answer.
        var hours = await new SupervisorClient(client.GrpcWeb()).GetOpeningHoursAsync(new GetOpeningHoursRequest()).ResponseAsync.DefaultTimeout();
        Assert.NotNull(hours);
        _ = await new SupervisorClient(client.GrpcWeb()).ListAgentsAsync(new ListAgentsRequest()).ResponseAsync.DefaultTimeout();

        var agent = await Assert.ThrowsAsync<RpcException>(() => new AgentClient(client.GrpcWeb()).GetMyStatisticsAsync(new GetMyStatisticsRequest()).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, agent.StatusCode);
    }

    [Fact]
    public async Task Session_TokenRemovedFromConfiguration_SessionEnds()
    {
        // A second server on the same Redis tenant: sign in, then restart it without the supervisor's token.
        var tenant = "web" + Guid.NewGuid().ToString("N")[..10];
        var settings = WebServerFixture.Settings(tenant);
        string session;
        string csrf;
        await using (var first = await SwitchboardProcess.StartAsync(settings)) // bounded by TestTimeouts.ProcessStart
        {
            using var client = new WebClient(first.WebUrl, "127.0.0.19");
            (await client.SignInAsync(WebServerFixture.SupervisorToken, "/wallboard")).Dispose();
            session = client.Session!;
            csrf = client.Csrf!;
            using var events = await client.GetAsync("/wallboard/events");
            Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        }

        settings["Api:Tokens:1:Token"] = null;
        settings["Api:Tokens:1:Subject"] = null;
        settings["Api:Tokens:1:Role"] = null;
        await using var second = await SwitchboardProcess.StartAsync(settings); // bounded by TestTimeouts.ProcessStart
        using var again = new WebClient(second.WebUrl, "127.0.0.19") { Session = session, Csrf = csrf };
        using var refused = await again.GetAsync("/wallboard/events");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var rpc = await Assert.ThrowsAsync<RpcException>(() => new SupervisorClient(again.GrpcWeb()).ListAgentsAsync(new ListAgentsRequest()).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.Unauthenticated, rpc.StatusCode);
    }

    [Fact]
    public async Task GrpcCall_BadBearerToken_SecurityEventCountedAndWebSignInThrottledLikeFailedSignIns()
    {
        using var client = new WebClient(Web, "127.0.0.31");
        using var metrics = new HttpClient { BaseAddress = Web };
        var before = BearerFailures(await ScrapeAsync(metrics));
        var bad = new Metadata { { "authorization", "Bearer not-a-configured-token-0123456789" } };
        var good = new Metadata { { "authorization", "Bearer " + WebServerFixture.SupervisorToken } };
        var api = new SupervisorClient(client.GrpcWeb(withCsrf: false));

        // Six bad tokens from one source (the fixture allows 5 sign-in attempts a minute per source): each refused.
        for (var i = 0; i < 6; i++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => api.ListAgentsAsync(new ListAgentsRequest(), bad).ResponseAsync.DefaultTimeout());
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }

        // Counted on /metrics, one per failure; a good token is still served; web sign-in from that source is throttled
        // as after six failed sign-ins, while another source signs in.
        var (_, after) = await Eventually.TryUntilAsync(async () => BearerFailures(await ScrapeAsync(metrics)), count => count >= before + 6, ConsoleBrowser.Live);
        Assert.Equal(before + 6, after);
        await api.ListAgentsAsync(new ListAgentsRequest(), good).ResponseAsync.DefaultTimeout();
        using var throttled = await client.SignInAsync(WebServerFixture.SupervisorToken, "/console");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        using var other = new WebClient(Web, "127.0.0.32");
        using var allowed = await other.SignInAsync(WebServerFixture.SupervisorToken, "/console");
        Assert.Equal(HttpStatusCode.Found, allowed.StatusCode);
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().DefaultTimeout();
    }

    /// <summary><c>switchboard_web_security_events_total{event="api_bearer_failed"}</c>, 0 before the first one.</summary>
    private static double BearerFailures(string metrics)
    {
        var match = Regex.Match(metrics, "^switchboard_web_security_events_total\\{[^}]*event=\"api_bearer_failed\"[^}]*\\} (\\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
