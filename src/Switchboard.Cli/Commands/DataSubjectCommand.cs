using System.CommandLine;
using StackExchange.Redis;
using Switchboard.Acd.Privacy;
using Switchboard.Acd.Store;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl data-subject find|delete NUMBER --redis CONF [--tenant T]</c>: a data subject's request for one phone number
/// (docs/privacy.md): lists every key of the tenant holding it, and deletes it where it may (<see cref="DataSubjectStore"/>).
/// Talks to Redis directly, as the operator's redis-cli would.
/// </summary>
internal static class DataSubjectCommand
{
    public static Command Create()
    {
        var redisOption = new Option<string?>("--redis") { Description = "StackExchange.Redis configuration of the tenant's Redis (default: $Redis__Configuration)", Recursive = true };
        var tenant = new Option<string>("--tenant") { Description = "Tenant (Acd:Tenant)", DefaultValueFactory = _ => "default", Recursive = true };
        var command = new Command("data-subject", "Find or delete the data Switchboard holds for one phone number") { redisOption, tenant };
        command.Subcommands.Add(Sub("find", "List every key holding the number", delete: false, redisOption, tenant));
        command.Subcommands.Add(Sub("delete", "Delete the number (cancel its open callbacks first)", delete: true, redisOption, tenant));
        return command;
    }

    private static Command Sub(string name, string description, bool delete, Option<string?> redisOption, Option<string> tenant)
    {
        var number = new Argument<string>("NUMBER") { Description = "The phone number, e.g. 070-123 45 67 or +46701234567" };
        var command = new Command(name, description) { number };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var e164 = DataSubjectStore.Normalise(parse.GetRequiredValue(number));
            var configuration = parse.GetValue(redisOption) ?? Environment.GetEnvironmentVariable("Redis__Configuration");
            if (e164 is null || string.IsNullOrWhiteSpace(configuration))
            {
                error.WriteLine(e164 is null ? "sbctl: not a phone number" : "sbctl: --redis (or $Redis__Configuration) is required");
                return 2;
            }

            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
                var store = new DataSubjectStore(redis, new KeySchema(parse.GetRequiredValue(tenant)));
                var found = await store.FindAsync(e164, cancellationToken);
                foreach (var key in found)
                {
                    output.WriteLine($"{key.Kind,-9} {key.Key}{(key.Open ? "  (open: cancel it first)" : "")}");
                }

                output.WriteLine($"{found.Count} keys hold {e164}");
                if (delete && found.Count > 0)
                {
                    output.WriteLine($"deleted the number from {await store.DeleteAsync(found, cancellationToken)} keys");
                }

                return 0;
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine("sbctl: " + ex.Message);
                return 1;
            }
            catch (Exception ex) when (ex is RedisConnectionException or StoreUnavailableException)
            {
                error.WriteLine("sbctl: redis unavailable: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
