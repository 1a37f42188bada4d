namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// Calls through the IVR to an agent and how they end (Calls/*, except transfers and callbacks). Runs beside the other
/// Interop collections (see docs/testing.md): every test takes its own ports from <see cref="TestSupport.LoopbackPorts"/>
/// and its own ACD tenant, so collections share nothing but the test Redis.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CallFlowCollection
{
    public const string Name = "Call flow";
}
