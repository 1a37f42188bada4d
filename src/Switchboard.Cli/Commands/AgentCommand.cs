using System.CommandLine;
using Switchboard.Api.Agent.V1;
using Switchboard.Cli.Terminal;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl agent --url URL[,URL...] --token T [--sign-in] [--queue Q ...] [--phone --sip URI]</c>: the terminal agent
/// console (<see cref="AgentConsole"/>), given one node or every node of a cluster (<see cref="AgentEndpoints"/>): sign in with the profile the agent directory holds (optionally narrowed to some of
/// the assigned queues), ready/pause, offers, accept, hang up, transfer, wrap-up.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var url = ApiConnection.UrlsOption();
        var token = ApiConnection.TokenOption();
        var agentId = new Option<string?>("--agent-id") { Description = "Agent id (must equal the token's subject; default: the subject)" };
        var signIn = new Option<bool>("--sign-in") { Description = "Sign in with your profile from the agent directory (queues, skills, languages, phone account)" };
        var queues = new Option<string[]>("--queue") { Description = "Sign in for only this one of your assigned queues today (repeatable; implies --sign-in)", AllowMultipleArgumentsPerToken = false };
        var languages = new Option<string[]>("--language") { Description = "Sign in with only this one of your directory languages (repeatable; implies --sign-in)" };
        var sip = AgentPhone.SipOption();
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
            url, token, agentId, signIn, queues, languages, sip, ready, autoAccept, autoWrapUp, exitAfter, stay, withPhone, sipPassword,
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

            if (parse.GetValue(sip) is not null && !parse.GetValue(withPhone))
            {
                error.WriteLine("sbctl: --sip is the built-in phone's account (--phone); the phone that rings is your directory account's registration");
                return 2;
            }

            var options = BuildOptions(
                parse.GetValue(agentId), parse.GetValue(signIn), parse.GetValue(queues) ?? [], parse.GetValue(languages) ?? [], parse.GetValue(ready), parse.GetValue(autoAccept), parse.GetValue(autoWrapUp), parse.GetValue(exitAfter), parse.GetValue(stay), error);
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
            using var endpoints = AgentEndpoints.Open(connection.Urls);
            var console = new AgentConsole(endpoints, connection.Headers(), options, output, error);
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
        string? agentId, bool signIn, string[] queues, string[] languages,
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

        SignInRequest? request = null;
        if (signIn || queues.Length > 0 || languages.Length > 0)
        {
            // Queues, skills, languages and the phone come from the agent directory; the flags can only narrow.
            request = new SignInRequest
            {
                AgentId = agentId ?? string.Empty,
                StartPaused = !ready,
                PauseReason = ready ? PauseReason.Unspecified : PauseReason.Other,
            };
            request.Queues.AddRange(queues);
            request.Languages.AddRange(languages);
        }

        return new AgentConsoleOptions
        {
            AgentId = agentId,
            SignIn = request,
            Ready = ready && request is null,
            AutoAccept = autoAccept,
            AutoWrapUp = outcome,
            ExitAfterCalls = exitAfterCalls,
            SignOutOnExit = request is not null && !staySignedIn,
        };
    }
}
