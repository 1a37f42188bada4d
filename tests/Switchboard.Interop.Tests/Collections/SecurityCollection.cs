namespace Switchboard.Interop.Tests;

/// <summary>Attacks and hardening (Security/*, Hardening/*): one Interop collection of several run side by side (docs/testing.md).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection
{
    public const string Name = "Security and hardening";
}
