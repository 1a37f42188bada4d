using Switchboard.Interop.Tests.Calls;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Issue 14's attacks against one running server (<see cref="SecurityFixture"/>), each while a legitimate call placed at
/// the same time is answered, queued, bridged to the agent and keeps two-way audio: RTP spray (.Rtp), INVITE and OPTIONS
/// floods and idle TCP connections (.Floods), registrar brute force, replay and scans (.Registrar). Every attack comes
/// from its own loopback addresses and every flood is bounded in count; a test leaves the server as it found it (the
/// agent ready, its flood's transactions, calls and ports gone), so the order of the tests does not matter.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed partial class HostileNetworkTests(SecurityFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityFixture>
{
    private CallFlowHarness Harness => fixture.Harness;
}
