using Switchboard.Api.Dialplans;

namespace Switchboard.Api.Tests.Dialplans;

public sealed class DialplanChangeSummaryTests
{
    [Fact]
    public void Describe_FirstVersion_CountsLines() =>
        Assert.Equal("first version, 2 lines", DialplanChangeSummary.Describe(null, "name: a\n# comment\nqueues: {}\n"));

    [Fact]
    public void Describe_ChangedLine_OneAddedOneRemoved() =>
        Assert.StartsWith("+1 -1 lines", DialplanChangeSummary.Describe("name: a\nx: 1\n", "name: a\nx: 2\n"), StringComparison.Ordinal);

    [Fact]
    public void Describe_SameText_NoChange() =>
        Assert.Equal("no change", DialplanChangeSummary.Describe("name: a", "name: a"));
}
