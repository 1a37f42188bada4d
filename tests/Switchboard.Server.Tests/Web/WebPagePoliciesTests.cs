using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Auth;
using Switchboard.Api.Hosting;
using Switchboard.Server.Web.Sessions;

namespace Switchboard.Server.Tests.Web;

/// <summary>The web pages decide with the API's own policies (the ones on the gRPC services), on the session's identity.</summary>
public sealed class WebPagePoliciesTests
{
    [Theory]
    [InlineData("agent", ApiPolicies.Agent, true)]
    [InlineData("agent", ApiPolicies.Supervisor, false)]
    [InlineData("supervisor", ApiPolicies.Supervisor, true)]
    [InlineData("supervisor", ApiPolicies.Agent, false)]
    public async Task AllowsAsync_SessionCaller_DecidedByTheApiPolicy(string role, string policy, bool allowed)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSwitchboardAuthentication(new ApiOptions());
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        var caller = new ApiCaller("anna", new HashSet<string>(StringComparer.Ordinal) { role }, "session");

        Assert.Equal(allowed, await WebPagePolicies.AllowsAsync(context, caller, policy));
    }
}
