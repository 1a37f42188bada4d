using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Support;

/// <summary>
/// Regression: baresip registered before our ctrl_tcp connection was up, its REGISTER_OK went to nobody and
/// tests waiting for it timed out although the console said "200 OK [1 binding]".
/// </summary>
public sealed class BaresipRegistrationLineTests
{
    [Theory]
    [InlineData("agent7@127.0.0.1: {0/UDP/v4} 200 OK () [1 binding]", true)]
    [InlineData("anna@127.0.0.1: {0/TCP/v4} 200 OK (Switchboard) [2 bindings]", true)]
    [InlineData("agent7@127.0.0.1: {0/UDP/v4} 200 OK () [0 bindings]", false)]
    [InlineData("agent7@127.0.0.1: {0/UDP/v4} 401 Unauthorized () [0 bindings]", false)]
    [InlineData("baresip is ready.", false)]
    public void IsRegistrationLine_BaresipConsoleLine_MatchesOnlySuccessWithBinding(string line, bool expected) =>
        Assert.Equal(expected, BaresipPhone.IsRegistrationLine(line));
}
