namespace Switchboard.Interop.Tests;

/// <summary>Transfers and callbacks (Calls/TransferTests, Calls/CallbackCallerTests, Callbacks/*): one Interop collection of several run side by side (docs/testing.md).</summary>
[CollectionDefinition(Name)]
public sealed class TransferCollection
{
    public const string Name = "Transfers and callbacks";
}
