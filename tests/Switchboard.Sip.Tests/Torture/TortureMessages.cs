namespace Switchboard.Sip.Tests.Torture;

/// <summary>Loads the RFC 4475 messages copied byte-exact into this folder.</summary>
internal static class TortureMessages
{
    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Torture", name + ".dat"));
}
