namespace Switchboard.Interop.Tests;

/// <summary>Browser and first-hour tests (Web/*, Wallboard/*, FirstHour/*): one Interop collection of several run side by side (docs/testing.md).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection
{
    public const string Name = "Web and first hour";
}
