using Microsoft.AspNetCore.Authorization;
using Switchboard.Api.Auth;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// The web pages (wallboard, console) authorize a signed-in caller with the API's own policies (<see cref="ApiPolicies"/>,
/// the ones <c>[Authorize(Policy = ...)]</c> names on the gRPC services), evaluated on the session's identity. The pages
/// check the session themselves (a page load carries no anti-forgery header, and an unauthorized one is redirected to
/// the sign-in rather than challenged); what the caller may see is the policy's decision.
/// </summary>
public static class WebPagePolicies
{
    /// <summary>True when <paramref name="caller"/> meets <paramref name="policy"/> (<see cref="ApiPolicies.Agent"/> or <see cref="ApiPolicies.Supervisor"/>).</summary>
    public static async Task<bool> AllowsAsync(HttpContext context, ApiCaller caller, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(caller.ToPrincipal(WebSessionDefaults.Scheme), policy).ConfigureAwait(false);
        return result.Succeeded;
    }
}
