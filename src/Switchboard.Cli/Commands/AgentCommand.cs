using System.CommandLine;
using System.Globalization;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl agent --url URL --token T [--queue Q ... --sip URI]</c>: the terminal agent console
/// (<see cref="AgentConsole"/>): sign in, ready/pause, offers, accept, hang up, transfer, wrap-up.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var url = ApiConnection.UrlOption();
        var token = ApiConnection.TokenOption();
        var agentId = new Option<string?>("--agent-id") { Description = "Agent id (must equal the token's subject; default: the subject)" };
        var name = new Option<string?>("--name") { Description = "Display name shown to supervisors" };
        var queues = new Option<string[]>("--queue") { Description = "Sign in to this queue (svarsgrupp); repeat for more. Without --queue the console does not sign in", AllowMultipleArgumentsPerToken = false };
        var skills = new Option<string[]>("--skill") { Description = "Skill with level, e.g. bsu=8 (repeatable)" };
        var languages = new Option<string[]>("--language") { Description = "Language spoken, e.g. sv (repeatable; default sv)" };
        var sip = new Option<string?>("--sip") { Description = "SIP URI of your phone registered to Switchboard, e.g. sip:anna@127.0.0.1:5062" };
        var ready = new Option<bool>("--ready") { Description = "Go ready at once (otherwise you start paused and type 'ready')" };
        var autoAccept = new Option<bool>("--auto-accept") { Description = "Accept every offer at once" };
        var autoWrapUp = new Option<string?>("--auto-wrapup") { Description = "End every wrap-up at once with this outcome: resolved|forwarded|callback_needed|other" };
        var exitAfter = new Option<int?>("--exit-after-calls") { Description = "Exit after N calls have ended (and been wrapped up with --auto-wrapup)" };
        var stay = new Option<bool>("--stay-signed-in") { Description = "Do not sign out when the console exits" };
        var withPhone = new Option<bool>("--phone") { Description = "Be your own phone: register --sip with Switchboard (our SIP and media stacks), answer, send a tone, record" };
        var sipPassword = AgentPhone.PasswordOption();
        var phone = PhoneOptionSet.Create(defaultTone: 440);
        var command = new Command("agent", "Agent console: prints your offers and call events, reads commands from stdin (type help)")
        {
            url, token, agentId, name, queues, skills, languages, sip, ready, autoAccept, autoWrapUp, exitAfter, stay, withPhone, sipPassword,
        };
        phone.AddTo(command);
        command.Subcommands.Add(AgentCallbacksCommand.Create());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var connection = ApiConnection.From(parse, url, token, error);
            if (connection is null)
            {
                return 2;
            }

            var options = BuildOptions(
                parse.GetValue(agentId), parse.GetValue(name), parse.GetValue(queues) ?? [], parse.GetValue(skills) ?? [], parse.GetValue(languages) ?? [],
                parse.GetValue(sip), parse.GetValue(ready), parse.GetValue(autoAccept), parse.GetValue(autoWrapUp), parse.GetValue(exitAfter), parse.GetValue(stay), error);
            if (options is null)
            {
                return 2;
            }

            AgentPhone? agentPhone = null;
            if (parse.GetValue(withPhone))
            {
                var account = AgentPhone.Parse(parse.GetValue(sip), parse.GetValue(sipPassword), error);
                var phoneOptions = account is null ? null : phone.Build(parse, account.Value.Uri.User!, error);
                if (account is null || phoneOptions is null)
                {
                    return 2;
                }

                agentPhone = await AgentPhone.StartAsync(account.Value, phoneOptions, output, error, cancellationToken);
                if (agentPhone is null)
                {
                    return 1;
                }
            }

            await using var _ = agentPhone;
            using var phoneStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var answering = agentPhone?.Phone.AnswerCallsAsync(null, phoneStop.Token);
            using var channel = connection.CreateChannel();
            var console = new AgentConsole(new AgentService.AgentServiceClient(channel), connection.Headers(), options, output, error);
            if (options.SignIn is null && options.ExitAfterCalls is null)
            {
                output.WriteLine("agent console: type help for commands");
            }

            var code = await RpcErrors.GuardAsync(error, () => console.RunAsync(System.Console.In, cancellationToken));
            if (agentPhone is not null)
            {
                await agentPhone.Phone.WaitIdleAsync(TimeSpan.FromSeconds(5));
            }

            await phoneStop.CancelAsync();
            if (answering is not null)
            {
                try
                {
                    await answering;
                }
                catch (OperationCanceledException)
                {
                }
            }

            return code;
        });
        return command;
    }

    /// <summary>Checks the flags and builds the console options; on bad input writes why and returns null.</summary>
    public static AgentConsoleOptions? BuildOptions(
        string? agentId, string? name, string[] queues, string[] skills, string[] languages, string? sip,
        bool ready, bool autoAccept, string? autoWrapUp, int? exitAfterCalls, bool staySignedIn, TextWriter error)
    {
        Outcome? outcome = null;
        if (autoWrapUp is not null)
        {
            if (!AgentText.TryParseOutcome(autoWrapUp, out var parsed))
            {
                error.WriteLine($"sbctl: bad --auto-wrapup '{autoWrapUp}' (resolved, forwarded, callback_needed or other)");
                return null;
            }

            outcome = parsed;
        }

        if (exitAfterCalls is < 1)
        {
            error.WriteLine("sbctl: --exit-after-calls must be at least 1");
            return null;
        }

        SignInRequest? signIn = null;
        if (queues.Length > 0)
        {
            if (string.IsNullOrWhiteSpace(sip))
            {
                error.WriteLine("sbctl: signing in (--queue) needs --sip, the SIP URI of your phone");
                return null;
            }

            signIn = new SignInRequest
            {
                AgentId = agentId ?? string.Empty,
                DisplayName = name ?? string.Empty,
                SipAddress = sip,
                StartPaused = !ready,
                PauseReason = ready ? PauseReason.Unspecified : PauseReason.Other,
            };
            signIn.Queues.AddRange(queues);
            signIn.Languages.AddRange(languages.Length > 0 ? languages : ["sv"]);
            foreach (var skill in skills)
            {
                var parts = skill.Split('=', 2);
                if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > 10)
                {
                    error.WriteLine($"sbctl: bad --skill '{skill}' (expected NAME=LEVEL, level 0-10)");
                    return null;
                }

                signIn.Skills.Add(new Skill { Name = parts[0], Level = level });
            }
        }
        else if (skills.Length > 0 || languages.Length > 0 || sip is not null)
        {
            error.WriteLine("sbctl: --skill, --language and --sip are for signing in: give at least one --queue");
            return null;
        }

        return new AgentConsoleOptions
        {
            AgentId = agentId,
            SignIn = signIn,
            Ready = ready && signIn is null,
            AutoAccept = autoAccept,
            AutoWrapUp = outcome,
            ExitAfterCalls = exitAfterCalls,
            SignOutOnExit = signIn is not null && !staySignedIn,
        };
    }
}
