namespace Switchboard.Interop.Tests.Calls;

/// <summary>The call-flow tests run one at a time: each starts a server and several baresip processes on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CallFlowCollection
{
    public const string Name = "Call flow";
}
