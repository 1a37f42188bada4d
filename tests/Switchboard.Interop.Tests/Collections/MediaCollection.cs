namespace Switchboard.Interop.Tests;

/// <summary>Media, agent directory, tracing, load smoke and server SIP (Media/*, AgentDirectory/*, Tracing/*, Load/*, Support/ServerSipTests): one Interop collection of several run side by side (docs/testing.md).</summary>
[CollectionDefinition(Name)]
public sealed class MediaCollection
{
    public const string Name = "Media and directory";
}
