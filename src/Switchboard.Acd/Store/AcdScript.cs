namespace Switchboard.Acd.Store;

/// <summary>One Lua script: the shared <c>Common.lua</c> functions followed by the operation's body.</summary>
internal sealed class AcdScript
{
    private AcdScript(string name, string text)
    {
        Name = name;
        Text = text;
    }

    public string Name { get; }

    public string Text { get; }

    public static AcdScript Load(string name)
    {
        return new AcdScript(name, Read("Common") + "\n" + Read(name));
    }

    private static string Read(string name)
    {
        var assembly = typeof(AcdScript).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Switchboard.Acd.Scripts.{name}.lua")
            ?? throw new InvalidOperationException($"ACD script {name}.lua is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
