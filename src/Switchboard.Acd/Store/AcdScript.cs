namespace Switchboard.Acd.Store;

/// <summary>One Lua script: the shared <c>Common.lua</c> functions, the function libraries it names, then the operation's body.</summary>
internal sealed class AcdScript
{
    private AcdScript(string name, string text)
    {
        Name = name;
        Text = text;
    }

    public string Name { get; }

    public string Text { get; }

    public static AcdScript Load(string name, params string[] libraries)
    {
        var parts = new List<string>(libraries.Length + 2) { Read("Common") };
        parts.AddRange(libraries.Select(Read));
        parts.Add(Read(name));
        return new AcdScript(name, string.Join('\n', parts));
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
