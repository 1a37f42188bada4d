using System.Diagnostics;
using StackExchange.Redis;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.FirstHour;

/// <summary>
/// The baresip configuration the docs give (docs/examples/baresip/agent) as it is, only its ports moved to free ones:
/// it registers the agent anna with the real server's registrar (digest auth), the binding lands in Redis.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BaresipExampleConfigTests
{
    [Fact]
    public async Task AgentExample_AsInTheDocs_RegistersAnnaWithDigestAuth()
    {
        var tenant = "bx" + Guid.NewGuid().ToString("N")[..10];
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = Path.Combine(RepositoryPaths.Dialplans, "demo.yaml"),
            ["Acd:Tenant"] = tenant,
            ["Sip:Accounts:0:User"] = "anna",
            ["Sip:Accounts:0:Password"] = "anna-secret-pw",
        }); // bounded by TestTimeouts.ProcessStart
        var phonePort = LoopbackPorts.FreeUdpAndTcp();
        var directory = CopyExample("agent", new Dictionary<string, string>
        {
            ["127.0.0.1:5062"] = $"127.0.0.1:{phonePort}",
            ["127.0.0.1:5060"] = $"127.0.0.1:{server.SipPort}",
        });
        var executable = RedisServer.FindExecutable("baresip") ?? throw new InvalidOperationException("baresip not installed");
        var start = new ProcessStartInfo(executable) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(directory);
        using var baresip = Process.Start(start)!;
        var log = new OutputTail();
        baresip.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        baresip.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        baresip.BeginOutputReadLine();
        baresip.BeginErrorReadLine();
        baresip.StandardInput.Close();
        try
        {
            using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
            var key = (RedisKey)("sb:{" + tenant + "}:reg:sip:anna@127.0.0.1");
            var bindings = await Eventually.UntilAsync(async () =>
            {
                Assert.False(baresip.HasExited, "baresip exited: " + log);
                return await redis.GetDatabase().HashGetAllAsync(key).DefaultTimeout();
            }, found => found.Length > 0, "anna's registration binding in Redis", describe: _ => "none; baresip: " + log);

            var binding = Assert.Single(bindings);
            Assert.Contains($"127.0.0.1:{phonePort}", binding.Name.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            baresip.Kill();
            await baresip.WaitForExitAsync().DefaultTimeout();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Examples_AreCompleteConfigurations()
    {
        foreach (var phone in new[] { "agent", "caller" })
        {
            var config = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "examples", "baresip", phone, "config"));
            foreach (var required in new[] { "module_path ", "sip_listen 127.0.0.1:", "net_interface 127.0.0.1", "audio_source ausine,", "module g711.so", "module_tmp account.so" })
            {
                Assert.Contains(config, line => line.StartsWith(required, StringComparison.Ordinal));
            }

            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "examples", "baresip", phone, "accounts")), phone);
        }
    }

    private static string CopyExample(string phone, IReadOnlyDictionary<string, string> replacements)
    {
        var source = Path.Combine(RepositoryPaths.Root, "docs", "examples", "baresip", phone);
        var target = Path.Combine(Path.GetTempPath(), "sb-bx-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "config", "accounts" })
        {
            var text = File.ReadAllText(Path.Combine(source, file));
            foreach (var (from, to) in replacements)
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(target, file), text);
        }

        return target;
    }
}
