using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Loading;

public class DialplanValidationTests
{
    private static readonly string Original = File.ReadAllText(TestDialplans.KommunPath);

    /// <summary>Replaces <paramref name="find"/> in kommun.yaml and returns the text and the 1-based line/column of <paramref name="marker"/> in it.</summary>
    private static (DialplanLoadResult Result, int Line, int Column) Broken(string find, string replace, string marker, int occurrence = 1)
    {
        Assert.Contains(find, Original, StringComparison.Ordinal);
        var index = Original.IndexOf(find, StringComparison.Ordinal);
        var text = string.Concat(Original.AsSpan(0, index), replace, Original.AsSpan(index + find.Length));
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, $"marker '{marker}' not found");
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - (text.LastIndexOf('\n', at - 1) + 1) + 1;
        return (DialplanLoader.LoadFromText(text, "kommun-broken.yaml", new DialplanLoadOptions { CheckPromptFiles = false }), line, column);
    }

    private static void AssertError((DialplanLoadResult Result, int Line, int Column) broken, string messagePart)
    {
        Assert.False(broken.Result.IsValid);
        var expected = $"kommun-broken.yaml:{broken.Line}:{broken.Column}: ";
        Assert.Contains(broken.Result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal) && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Kommun_IsValidWithoutWarnings()
    {
        var result = DialplanLoader.Load(TestDialplans.KommunPath);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Load_UnknownQueueReference_PointsAtValue() =>
        AssertError(Broken("1: queue:bsu", "1: queue:bsux", "queue:bsux"), "unknown queue 'bsux'");

    [Fact]
    public void Load_UnknownMenuReference_PointsAtValue() =>
        AssertError(Broken("9: language:en", "9: menu:nowhere", "menu:nowhere"), "unknown menu 'nowhere'");

    [Fact]
    public void Load_UnknownLanguage_PointsAtValue() =>
        AssertError(Broken("9: language:en", "9: language:fi", "language:fi"), "unknown language 'fi'");

    [Fact]
    public void Load_UnknownOverflowQueue_PointsAtStep() =>
        AssertError(Broken("overflow: vaxel", "overflow: nowhere", "nowhere"), "unknown queue 'nowhere'");

    [Fact]
    public void Load_DuplicateKey_PointsAtSecondKey()
    {
        var broken = Broken("      2: queue:assf", "      2: queue:assf\n      2: queue:bbmt", "2: queue:bbmt");
        Assert.False(broken.Result.IsValid);
        var error = Assert.Single(broken.Result.Errors);
        Assert.Equal(broken.Line, error.Location.Line);
        Assert.Equal(broken.Column, error.Location.Column);
        Assert.Equal("duplicate key '2'", error.Message);
    }

    [Fact]
    public void Load_SeveralDuplicateKeys_ReportsEach()
    {
        const string Yaml = "name: t\nmenus:\n  main:\n    prompt: p\n    options:\n      1: hangup\n      1: hangup\n    prompt: q\nname: u\n";
        var result = TestDialplans.LoadText(Yaml);
        Assert.Equal(["test.yaml:7:7: duplicate key '1'", "test.yaml:8:5: duplicate key 'prompt'", "test.yaml:9:1: duplicate key 'name'"], result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Load_SameKeyInDifferentMappings_IsNoDuplicate()
    {
        const string Yaml = "name: t\nmenus:\n  main:\n    prompt: p\n    options:\n      1: menu:b\n  b:\n    prompt: p\n    options:\n      1: hangup\n";
        Assert.True(TestDialplans.LoadText(Yaml).IsValid);
    }

    [Fact]
    public void Load_BadTime_PointsAtRange() =>
        AssertError(Broken("fri: 08:00-16:00", "fri: 08:00-25:00", "08:00-25:00"), "bad time");

    [Fact]
    public void Load_RangeEndingBeforeStart_PointsAtRange() =>
        AssertError(Broken("fri: 08:00-16:00", "fri: 16:00-08:00", "16:00-08:00"), "ends before it starts");

    [Fact]
    public void Load_OverlappingWeeklyRanges_PointsAtSecond() =>
        AssertError(Broken("fri: 08:00-16:00", "fri: 08:00-16:00\n    thu-fri: 15:00-18:00", "15:00-18:00"), "overlaps");

    [Fact]
    public void Load_BadDate_PointsAtDate() =>
        AssertError(Broken("date: 2027-01-05", "date: 2027-13-05", "2027-13-05"), "bad date");

    [Fact]
    public void Load_UnreachableMenu_PointsAtMenu() =>
        AssertError(Broken("\nqueues:\n", "\n  orphan:\n    prompt: menu_main\n    options:\n      1: queue:bsu\n\nqueues:\n", "orphan:"), "unreachable");

    [Fact]
    public void Load_LoopWithNoExit_PointsAtMenus()
    {
        var broken = Broken(
            "      9: language:en\n    default: queue:vaxel\n",
            "      9: language:en\n      4: menu:loop\n    default: queue:vaxel\n  loop:\n    prompt: menu_main\n    options:\n      1: menu:main2\n    default: repeat\n  main2:\n    prompt: menu_main\n    options:\n      1: menu:loop\n    default: back\n",
            "loop:");
        AssertError(broken, "loop with no exit");
    }

    [Fact]
    public void Load_UnknownKey_PointsAtKey() =>
        AssertError(Broken("    retries: 2", "    retries: 2\n    retires: 3", "retires"), "unknown key 'retires'");

    [Fact]
    public void Load_BadMenuKey_PointsAtKey() =>
        AssertError(Broken("      0: queue:vaxel", "      0: queue:vaxel\n      12: queue:vaxel", "12: queue"), "bad key '12'");

    [Fact]
    public void Load_BadAction_PointsAtValue() =>
        AssertError(Broken("default: queue:vaxel", "default: queue", "queue\n"), "needs a target");

    [Fact]
    public void Load_YamlSyntaxError_PointsAtProblem()
    {
        var result = DialplanLoader.LoadFromText("name: x\nmenus:\n  main:\n    prompt: [a, b\n", "bad.yaml", new DialplanLoadOptions { CheckPromptFiles = false });
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("bad.yaml:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("YAML syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPromptFile_PointsAtPromptName()
    {
        using var dir = new TempPromptDirectory(["greeting", "menu_main"]);
        const string Yaml = "name: t\nlanguages: [sv]\ngreeting: greeting\nmenus:\n  main:\n    prompt: [menu_main, menu_extra]\n    options:\n      1: hangup\n";
        var result = DialplanLoader.LoadFromText(Yaml, "t.yaml", new DialplanLoadOptions { PromptDirectory = dir.Path });
        var missing = result.Errors.Where(e => e.Message.Contains("missing prompt", StringComparison.Ordinal)).ToList();
        Assert.Contains(missing, e => e.Location.Line == 6 && e.Location.Column == 25 && e.Message.Contains("menu_extra", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, e => e.Message.Contains("'menu_main'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FiveOptionsAndThreeLevels_Warns()
    {
        const string Yaml = """
            name: t
            menus:
              main:
                prompt: p
                options:
                  1: menu:a
                  2: hangup
                  3: hangup
                  4: hangup
                  5: hangup
              a:
                prompt: p
                options:
                  1: menu:b
              b:
                prompt: p
                options:
                  1: menu:c
              c:
                prompt: p
                options:
                  1: hangup
            """;
        var result = TestDialplans.LoadText(Yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Warnings, w => w.Message.Contains("5 options", StringComparison.Ordinal) && w.Location.Line == 3 && w.Location.Column == 3);
        Assert.Contains(result.Warnings, w => w.Message.Contains("menu 'c'", StringComparison.Ordinal) && w.Location.Line == 19);
    }

    [Fact]
    public void Version_SameText_SameVersion_ChangedText_NewVersion()
    {
        Assert.Equal(DialplanLoader.Version(Original), TestDialplans.Kommun().Version);
        Assert.NotEqual(DialplanLoader.Version(Original + "\n# edit"), TestDialplans.Kommun().Version);
    }
}
