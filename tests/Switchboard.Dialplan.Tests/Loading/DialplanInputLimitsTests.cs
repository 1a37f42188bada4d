using System.Text;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Loading;

/// <summary>Hostile documents are refused on the parser's event stream, with a line and column, before any tree is built.</summary>
public class DialplanInputLimitsTests
{
    private static readonly DialplanLoadOptions NoPrompts = new() { CheckPromptFiles = false };

    /// <summary>A flow sequence nested <paramref name="depth"/> deep: <c>[[[ ... ]]]</c> as the dialplan's name.</summary>
    public static string FlowNested(int depth) =>
        "name: " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>Block sequences nested <paramref name="depth"/> deep on one line: <c>- - - - x</c> as the whole document.</summary>
    public static string BlockNested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("- ");
        }

        return text.Append("x\n").ToString();
    }

    /// <summary>The "billion laughs" document: nine levels of ten aliases each, 10^9 nodes once expanded, 1 KiB as written.</summary>
    public static string BillionLaughs()
    {
        var text = new StringBuilder("name: test\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            text.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        return text.Append("menus: *l9\n").ToString();
    }

    [Fact]
    public void LoadFromText_HundredThousandFlowLevels_RefusedAtTheLevelPastTheLimit()
    {
        var result = DialplanLoader.LoadFromText(FlowNested(100_000), "deep.yaml", NoPrompts);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Dialplan);
        // The root mapping is level 1, so the 64th bracket (column 6 + 64) opens level 65.
        Assert.Equal("deep.yaml:1:70: input limit: nesting deeper than 64 levels", error.ToString());
    }

    [Fact]
    public void LoadFromText_HundredThousandBlockLevels_Refused()
    {
        var result = DialplanLoader.LoadFromText(BlockNested(100_000), "deep.yaml", NoPrompts);

        var error = Assert.Single(result.Errors);
        Assert.Contains("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal("deep.yaml:1:129: input limit: nesting deeper than 64 levels", error.ToString()); // the 65th "- "
    }

    [Fact]
    public void LoadFromText_BillionLaughs_RefusedWhereTheExpansionCrossesTheLimit()
    {
        var result = DialplanLoader.LoadFromText(BillionLaughs(), "laughs.yaml", NoPrompts);

        var error = Assert.Single(result.Errors);
        Assert.Contains("aliases expand the document past 200000 nodes", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Location.Line); // l5 (10^5 nodes each alias of l4 adds 11,111) is the level that crosses the limit
    }

    [Fact]
    public void LoadFromText_TooManyNodes_Refused()
    {
        var text = "name: test\nmenus: [" + string.Join(",", Enumerable.Repeat("a", 100_001)) + "]\n";

        var result = DialplanLoader.LoadFromText(text, "wide.yaml", NoPrompts);

        Assert.Contains("more than 100000 YAML nodes", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromText_LargerThanTheLimit_RefusedAtLineOne()
    {
        var text = "name: test\n# " + new string('x', 1024 * 1024) + "\n";

        var result = DialplanLoader.LoadFromText(text, "big.yaml", NoPrompts);

        Assert.Equal("big.yaml:1:1: input limit: the document is 1048590 characters long; at most 1048576 are accepted", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void LoadFromText_KommunWithItsOwnAnchorsAndDepth_StillValid()
    {
        var result = DialplanLoader.Load(TestDialplans.KommunPath);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Check_SmallAliasUse_Accepted()
    {
        var text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n";

        Assert.Null(YamlInputGuard.Check(text, "ok.yaml"));
    }
}
