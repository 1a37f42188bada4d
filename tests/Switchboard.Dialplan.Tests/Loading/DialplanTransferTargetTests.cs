using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.Support;

namespace Switchboard.Dialplan.Tests.Loading;

/// <summary><c>transfer:</c> actions go through the dialling policy the host passes in, with their line and column.</summary>
public class DialplanTransferTargetTests
{
    private static readonly string Kommun = File.ReadAllText(TestDialplans.KommunPath);

    [Fact]
    public void LoadFromText_TransferTargetRefusedByTheCheck_ErrorAtTheAction()
    {
        var yaml = Kommun.Replace("      0: queue:vaxel", "      0: transfer:+46900123456", StringComparison.Ordinal);
        var at = yaml.IndexOf("transfer:", StringComparison.Ordinal);
        var line = yaml[..at].Count(c => c == '\n') + 1;
        var checkedTargets = new List<string>();

        var result = DialplanLoader.LoadFromText(yaml, "kommun.yaml", new DialplanLoadOptions
        {
            CheckPromptFiles = false,
            TransferTargetCheck = target =>
            {
                checkedTargets.Add(target);
                return target.StartsWith("+46900", StringComparison.Ordinal) ? "premium rate" : null;
            },
        });

        Assert.Equal(["+46900123456"], checkedTargets);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Location.Line);
        Assert.Equal("transfer target refused: premium rate", error.Message);
    }

    [Fact]
    public void LoadFromText_NoCheckGiven_TransferTargetsNotJudged()
    {
        var yaml = Kommun.Replace("      0: queue:vaxel", "      0: transfer:+46900123456", StringComparison.Ordinal);

        var result = DialplanLoader.LoadFromText(yaml, "kommun.yaml", new DialplanLoadOptions { CheckPromptFiles = false });

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }
}
