namespace Switchboard.Calls.Tests.Support;

/// <summary>Named ways to get a call into each state a caller can be in, for theories over every state.</summary>
internal static class CallStates
{
    public static readonly IReadOnlyDictionary<string, Func<FlowDriver>> Reachable = new Dictionary<string, Func<FlowDriver>>(StringComparer.Ordinal)
    {
        ["answering"] = () => FlowDriver.Inbound(),
        ["ivr"] = () => FlowDriver.Inbound().Answered(),
        ["queued"] = () => FlowDriver.Inbound().InQueue(),
        ["dialling-agent"] = () => FlowDriver.Inbound().Dialling(),
        ["connected"] = () => FlowDriver.Inbound().Connected(),
        ["agent-on-hold"] = () => FlowDriver.Inbound().OnHold(),
        ["transferring"] = () => FlowDriver.Inbound().Transferring(),
        ["transferred"] = () => FlowDriver.Inbound().Transferred(),
        ["callback-dialling-agent"] = () => FlowDriver.Callback().CallbackRinging(),
        ["callback-dialling-citizen"] = () => FlowDriver.Callback().CallbackCitizenRinging(),
        ["callback-greeting"] = () => FlowDriver.Callback().CallbackGreeting(),
        ["callback-connected"] = () => FlowDriver.Callback().CallbackConnected(),
    };

    /// <summary>States where the citizen's leg is up (they can hang up).</summary>
    public static readonly string[] WithCaller =
        ["ivr", "queued", "dialling-agent", "connected", "agent-on-hold", "transferring", "transferred", "callback-greeting", "callback-connected"];

    public static TheoryData<string> All() => new(Reachable.Keys);

    public static TheoryData<string> Up() => new(WithCaller);
}
