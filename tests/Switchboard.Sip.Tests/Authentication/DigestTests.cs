using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Authentication;

namespace Switchboard.Sip.Tests.Authentication;

public sealed class DigestTests
{
    [Fact]
    public void Response_Rfc2617Section3_5Example_Matches() =>
        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestAlgorithm.Response(
            "MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b"));

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Response_Rfc7616Section3_9_1Example_Matches(string algorithm, string expected) =>
        Assert.Equal(expected, DigestAlgorithm.Response(
            algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"));

    [Fact]
    public void ChallengeAndCredentials_RoundTrip_VerifyWithPassword()
    {
        var challenge = DigestChallenge.Parse("Digest realm=\"sw\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth,auth-int\", opaque=\"o1\"");
        var credentials = DigestCredentials.Create(challenge, "agent7", "secret", "REGISTER", "sip:127.0.0.1");

        Assert.True(DigestCredentials.TryParse(credentials.ToString(), out var parsed));
        Assert.Equal("auth", parsed.Qop);
        Assert.Equal("o1", parsed.Opaque);
        Assert.Equal("SHA-256", parsed.Algorithm);
        Assert.True(parsed.Verify("secret", "REGISTER"));
        Assert.False(parsed.Verify("wrong", "REGISTER"));
        Assert.False(parsed.Verify("secret", "INVITE"));
    }

    [Fact]
    public void Credentials_WithoutQop_Rfc2069StyleVerifies()
    {
        var challenge = new DigestChallenge("sw", "n1", null, null);
        var credentials = DigestCredentials.Create(challenge, "u", "p", "REGISTER", "sip:x");

        Assert.Null(credentials.Qop);
        Assert.True(credentials.Verify("p", "REGISTER"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest realm=\"unterminated")]
    [InlineData("Digest nonce=\"x\"")]
    public void TryParse_BadHeaders_FalseNoThrow(string value)
    {
        Assert.False(DigestChallenge.TryParse(value, out _));
        Assert.False(DigestCredentials.TryParse(value, out _));
    }

    [Fact]
    public void NonceManager_ExpiredNonce_StaleAndForgedInvalid()
    {
        var time = new FakeTimeProvider();
        var nonces = new DigestNonceManager(time, lifetime: TimeSpan.FromMinutes(5));
        var nonce = nonces.Create();

        Assert.Equal(DigestNonceStatus.Valid, nonces.Validate(nonce));
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(DigestNonceStatus.Stale, nonces.Validate(nonce));
        Assert.Equal(DigestNonceStatus.Invalid, nonces.Validate(nonce[..^1] + (nonce[^1] == '0' ? '1' : '0')));
        Assert.Equal(DigestNonceStatus.Invalid, nonces.Validate("garbage"));
        Assert.Equal(DigestNonceStatus.Invalid, new DigestNonceManager(time).Validate(nonces.Create()));
    }
}
