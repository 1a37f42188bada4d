using System.Text.RegularExpressions;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Loading;

public partial class DocumentationExamplesTests
{
    private static string ExamplesDirectory => Path.Combine(TestDialplans.RepoRoot, "dialplans", "examples");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExamplesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Load_Example_IsValidWithPromptFiles(string name)
    {
        var result = DialplanLoader.Load(Path.Combine(ExamplesDirectory, name));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Docs_EveryYamlBlock_IsARealExampleFile()
    {
        var docs = File.ReadAllText(Path.Combine(TestDialplans.RepoRoot, "docs", "dialplan.md"));
        var blocks = YamlBlock().Matches(docs);
        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            var path = Path.Combine(TestDialplans.RepoRoot, block.Groups["path"].Value);
            Assert.True(File.Exists(path), $"docs show {block.Groups["path"].Value}, which does not exist");
            Assert.Equal(File.ReadAllText(path), block.Groups["body"].Value);
        }

        Assert.Equal(Directory.GetFiles(ExamplesDirectory, "*.yaml").Length, blocks.Count);
    }

    [GeneratedRegex(@"File `(?<path>dialplans/examples/[a-z-]+\.yaml)`:\n\n```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
