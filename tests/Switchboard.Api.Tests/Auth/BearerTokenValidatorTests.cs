using Microsoft.Extensions.Time.Testing;
using Switchboard.Api.Auth;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Auth;

public sealed class BearerTokenValidatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private BearerTokenValidator Validator() => new(TestTokens.Options(), _time);

    [Fact]
    public async Task ValidateAsync_StaticKey_ReturnsSubjectAndRole()
    {
        var result = await Validator().ValidateAsync("Bearer " + TestTokens.AnnaKey).DefaultTimeout();

        Assert.NotNull(result.Caller);
        Assert.Equal("anna", result.Caller.Subject);
        Assert.True(result.Caller.IsInRole(ApiRoles.Agent));
        Assert.False(result.Caller.IsInRole(ApiRoles.Supervisor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Basic YW5uYTpwdw==")]
    [InlineData("Bearer wrong-key-0123456789")]
    [InlineData("Bearer a.b.c")]
    public async Task ValidateAsync_MissingOrBadCredentials_Fails(string? header)
    {
        var result = await Validator().ValidateAsync(header).DefaultTimeout();

        Assert.Null(result.Caller);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task ValidateAsync_SignedJwt_ReturnsSubjectAndRole()
    {
        var token = TestTokens.Jwt("carl", "supervisor", _time.GetUtcNow());

        var result = await Validator().ValidateAsync("Bearer " + token).DefaultTimeout();

        Assert.NotNull(result.Caller);
        Assert.Equal("carl", result.Caller.Subject);
        Assert.True(result.Caller.IsInRole(ApiRoles.Supervisor));
        Assert.Equal("jwt", result.Caller.Method);
    }

    [Fact]
    public async Task ValidateAsync_JwtWithRoleArray_GrantsEveryRole()
    {
        var token = TestTokens.Jwt("dana", new[] { "agent", "supervisor" }, _time.GetUtcNow());

        var result = await Validator().ValidateAsync("Bearer " + token).DefaultTimeout();

        Assert.NotNull(result.Caller);
        Assert.True(result.Caller.IsInRole(ApiRoles.Agent));
        Assert.True(result.Caller.IsInRole(ApiRoles.Supervisor));
    }

    [Fact]
    public async Task ValidateAsync_JwtAfterExpiry_FailsByInjectedClock()
    {
        var token = TestTokens.Jwt("carl", "agent", _time.GetUtcNow(), TimeSpan.FromMinutes(5));
        var validator = Validator();
        Assert.NotNull((await validator.ValidateAsync("Bearer " + token).DefaultTimeout()).Caller);

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Null((await validator.ValidateAsync("Bearer " + token).DefaultTimeout()).Caller);
    }

    [Fact]
    public async Task ValidateAsync_JwtSignedWithOtherKey_Fails()
    {
        var token = TestTokens.Jwt("carl", "supervisor", _time.GetUtcNow(), key: "another-signing-key-0123456789abcdefgh");

        Assert.Null((await Validator().ValidateAsync("Bearer " + token).DefaultTimeout()).Caller);
    }

    [Fact]
    public async Task ValidateAsync_JwtForOtherAudience_Fails()
    {
        var token = TestTokens.Jwt("carl", "supervisor", _time.GetUtcNow(), audience: "someone-else");

        Assert.Null((await Validator().ValidateAsync("Bearer " + token).DefaultTimeout()).Caller);
    }

    [Fact]
    public async Task ValidateAsync_JwtWithoutSigningKeyConfigured_Fails()
    {
        var options = TestTokens.Options();
        options.Jwt.SigningKey = "";
        var token = TestTokens.Jwt("carl", "supervisor", _time.GetUtcNow());

        Assert.Null((await new BearerTokenValidator(options, _time).ValidateAsync("Bearer " + token).DefaultTimeout()).Caller);
    }

    [Theory]
    [InlineData("short", "anna", "agent")]
    [InlineData("long-enough-key-0123456789", "", "agent")]
    [InlineData("long-enough-key-0123456789", "anna", "admin")]
    public void Constructor_BadStaticToken_ThrowsClearError(string token, string subject, string role)
    {
        var options = new Switchboard.Api.Hosting.ApiOptions { Tokens = [new StaticTokenOptions { Token = token, Subject = subject, Role = role }] };

        var error = Assert.Throws<InvalidOperationException>(() => new BearerTokenValidator(options, _time));
        Assert.Contains("Api.Tokens[0].", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShortSigningKey_ThrowsClearError()
    {
        var options = new Switchboard.Api.Hosting.ApiOptions { Jwt = new JwtOptions { SigningKey = "too-short" } };

        Assert.Throws<InvalidOperationException>(() => new BearerTokenValidator(options, _time));
    }

    [Theory]
    [InlineData(typeof(Api.Agents.AgentService), ApiPolicies.Agent)]
    [InlineData(typeof(Api.Supervisors.SupervisorService), ApiPolicies.Supervisor)]
    public void Services_AuthorizeAttribute_NamesTheRolePolicyAndNoMethodOptsOut(Type service, string policy)
    {
        var attribute = Assert.Single(service.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: false));
        Assert.Equal(policy, ((Microsoft.AspNetCore.Authorization.AuthorizeAttribute)attribute).Policy);
        Assert.DoesNotContain(service.GetMethods(), m => m.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true));
    }
}
