using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Tests.Agent;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Supervisor;

/// <summary><c>sbctl supervisor agents list|show|create|update|disable|import|export</c> against the real gRPC API and redis-server.</summary>
public sealed class AgentDirectoryCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private CliApiHost _host = null!;
    private string _work = null!;

    public async Task InitializeAsync()
    {
        _host = await CliApiHost.StartAsync(redis);
        _work = Path.Combine(Path.GetTempPath(), "sbctl-dir-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task CreateShowUpdateDisable_OneAgent_DirectoryFollows()
    {
        var create = await AgentsAsync("create", "anna", "--name", "Anna Andersson", "--queue", "bsu", "--skill", "bsu=5", "--language", "sv",
            "--phone-password", "anna-secret-pw");
        Assert.True(create.ExitCode == 0, create.Error);
        Assert.Contains("created anna: phone account anna, queues bsu, skills bsu=5", create.Output, StringComparison.Ordinal);

        var update = await AgentsAsync("update", "anna", "--skill", "bsu=8", "--skill", "bbmt=2", "--queue", "bsu", "--queue", "bbmt");
        Assert.True(update.ExitCode == 0, update.Error);
        Assert.Contains("updated anna (version 2): queues bsu,bbmt, skills bsu=8,bbmt=2", update.Output, StringComparison.Ordinal);

        var show = await AgentsAsync("show", "anna");
        Assert.Contains("name:       Anna Andersson", show.Output, StringComparison.Ordinal);
        Assert.Contains("phone:      anna (password set)", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("anna-secret-pw", show.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await AgentsAsync("disable", "anna", "--reason", "slutat")).ExitCode);
        Assert.Contains("no agents in the directory", (await AgentsAsync("list")).Output, StringComparison.Ordinal);
        Assert.Matches(@"anna\s+Anna Andersson\s+anna\s+bsu,bbmt\s+bsu=8,bbmt=2\s+sv\s+no", (await AgentsAsync("list", "--all")).Output);
    }

    [Fact]
    public async Task Create_WithoutPassword_ErrorAndNothingStored()
    {
        var create = await AgentsAsync("create", "anna", "--queue", "bsu");

        Assert.Equal(1, create.ExitCode);
        Assert.Contains("phone_password is required", create.Error, StringComparison.Ordinal);
        Assert.Empty((await _host.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest { IncludeDisabled = true }, CliApiHost.Bearer(CliApiHost.SupervisorToken))).Agents);
    }

    [Fact]
    public async Task ImportYamlThenExportCsvThenReimport_RoundTripsWithoutPasswords()
    {
        var yaml = Path.Combine(_work, "agents.yaml");
        await File.WriteAllTextAsync(yaml, """
            agents:
              - id: anna
                name: Anna Andersson
                phone_password: anna-secret-pw
                queues: [bsu, bbmt]
                skills: { bsu: 5, bbmt: 3 }
                languages: [sv, en]
              - id: bo
                name: "Bo, Berg"
                phone_user: bo-phone
                phone_password: bo-secret-pw
                queues: [bygglov]
              - id: cecilia
                queues: [bsu]
            """);

        var import = await AgentsAsync("import", yaml);

        Assert.Equal(1, import.ExitCode); // cecilia is new and has no password
        Assert.Contains("anna: created", import.Output, StringComparison.Ordinal);
        Assert.Contains("bo: created", import.Output, StringComparison.Ordinal);
        Assert.Contains("cecilia: error: phone_password is required", import.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 3 agents imported", import.Output, StringComparison.Ordinal);

        var csv = Path.Combine(_work, "agents.csv");
        Assert.Equal(0, (await AgentsAsync("export", csv)).ExitCode);
        var exported = await File.ReadAllTextAsync(csv);
        Assert.Equal("""
            id,name,phone_user,queues,skills,languages,enabled
            anna,Anna Andersson,anna,bsu;bbmt,bsu=5;bbmt=3,sv;en,yes
            bo,"Bo, Berg",bo-phone,bygglov,,sv,yes

            """.ReplaceLineEndings("\n"), exported);

        await File.WriteAllTextAsync(csv, exported.Replace("bsu=5", "bsu=9", StringComparison.Ordinal));
        var reimport = await AgentsAsync("import", csv);
        Assert.True(reimport.ExitCode == 0, reimport.Output + reimport.Error);
        Assert.Contains("anna: updated", reimport.Output, StringComparison.Ordinal);
        var anna = await _host.SupervisorClient.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "anna" }, CliApiHost.Bearer(CliApiHost.SupervisorToken));
        Assert.Equal(9, anna.Skills.Single(s => s.Name == "bsu").Level);
        Assert.True(anna.PhonePasswordSet);
    }

    [Theory]
    [InlineData("agents.csv", "id,name,colour\nanna,A,red\n", "unknown column 'colour'")]
    [InlineData("agents.csv", "id,skills\nanna,bsu=11\n", "bad skill 'bsu=11'")]
    [InlineData("agents.yaml", "agents:\n  - id: [unclosed\n", "line")]
    [InlineData("agents.yaml", "agents:\n  - id: anna\n  - id: anna\n", "listed twice")]
    public async Task Import_BadFile_ExitCode2WithReason(string name, string content, string reason)
    {
        var path = Path.Combine(_work, name);
        await File.WriteAllTextAsync(path, content);

        var import = await AgentsAsync("import", path);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains(reason, import.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> AgentsAsync(params string[] args) =>
        CliApiHost.SbctlAsync(["supervisor", "--url", _host.Url.ToString(), "--token", CliApiHost.SupervisorToken, "agents", .. args]);
}
