namespace Switchboard.Cli.Tests.Commands;

/// <summary><c>sbctl dialplan check</c> applies the node's dialling policy to <c>transfer:</c> actions (issue 15 item 3).</summary>
public class DialplanCheckPolicyTests
{
    [Theory]
    [InlineData("transfer:+46900123456", null, 1)]
    [InlineData("\"transfer:sip:+46900123456@handlaggare.example\"", "handlaggare.example", 1)]
    [InlineData("\"transfer:sip:bygg@handlaggare.example\"", null, 1)]
    [InlineData("\"transfer:sip:bygg@handlaggare.example\"", "handlaggare.example", 0)]
    [InlineData("transfer:+46812345678", null, 0)]
    public void Check_TransferTarget_DiallingPolicyApplied(string action, string? domain, int expected)
    {
        var dir = Directory.CreateTempSubdirectory("sbctl-policy-");
        try
        {
            var path = Path.Combine(dir.FullName, "transfer.yaml");
            File.WriteAllText(path, File.ReadAllText(CliHarness.Kommun).Replace("      0: queue:vaxel", "      0: " + action, StringComparison.Ordinal));
            string[] args = domain is null ? ["dialplan", "check", path, "--no-prompt-check"] : ["dialplan", "check", path, "--no-prompt-check", "--allow-sip-domain", domain];

            var (code, output, _) = CliHarness.Run(args);

            Assert.True(expected == code, output);
            if (expected == 1)
            {
                Assert.Contains("transfer target refused", output, StringComparison.Ordinal);
                Assert.DoesNotContain("not a phone number or a sip: URI", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
