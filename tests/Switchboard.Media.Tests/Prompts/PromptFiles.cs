namespace Switchboard.Media.Tests.Prompts;

/// <summary>Where the committed prompt set lives, and the names the dialplan and prompt set agreed on.</summary>
internal static class PromptFiles
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "dialplans", "prompts");

    public static readonly string[] Languages = ["sv", "en"];

    public static readonly string[] AgreedNames =
    [
        "greeting", "menu_main", "queue_bsu", "queue_assf", "queue_bbmt", "queue_vaxel", "invalid_choice", "no_input",
        "closed", "lunch", "holiday", "emergency", "socialjouren", "technical_fault", "goodbye", "please_wait",
        "transfer_connecting", "transfer_failed",
        "position_prefix", "position_suffix", "wait_prefix", "minute", "minutes", "wait_less_than_minute",
        "callback_offer", "callback_offer_closed", "callback_number_is", "callback_confirm", "callback_enter_number",
        "callback_invalid_number", "callback_confirmed", "callback_request_confirmed", "callback_hello",
        .. Enumerable.Range(0, 10).Select(n => $"digit_{n}"),
        .. Enumerable.Range(0, 21).Select(n => $"num_{n}"),
        "num_30", "num_40", "num_50", "num_60", "num_70", "num_80", "num_90", "num_100",
        "music_on_hold",
    ];

    private static readonly Lazy<Switchboard.Media.Prompts.PromptSet> Loaded =
        new(() => Switchboard.Media.Prompts.PromptSet.Load(Directory));

    /// <summary>The committed prompt set, loaded once for all tests.</summary>
    public static Switchboard.Media.Prompts.PromptSet Set => Loaded.Value;

    public static IEnumerable<string> AllWavFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    // Build output may live outside the repository (SB_ARTIFACTS), so try this source file's folder first.
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [Path.GetDirectoryName(sourceFile), Environment.CurrentDirectory, AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Switchboard.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Switchboard.sln not found above {sourceFile} or {Environment.CurrentDirectory}.");
    }
}
