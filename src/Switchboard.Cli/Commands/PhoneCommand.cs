using System.CommandLine;
using Switchboard.Cli.Phone;
using Switchboard.Sip.Messages;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl phone --sip sip:anna@127.0.0.1 [--sip-password PW] [--record agent.wav] [--calls N]</c>: a phone built from
/// Switchboard's SIP and media stacks that registers as an agent's account, answers every call, sends a tone or a
/// WAV file and records what it hears.
/// </summary>
internal static class PhoneCommand
{
    public static Command Create()
    {
        var sip = AgentPhone.SipOption();
        var password = AgentPhone.PasswordOption();
        var calls = new Option<int?>("--calls") { Description = "Exit after this many calls have ended (default: run until Ctrl+C)" };
        var phone = PhoneOptionSet.Create(defaultTone: 440);
        var command = new Command("phone", "A SIP phone of our own: registers as the account, answers calls, sends a tone or WAV, records what it hears")
        {
            sip, password, calls,
        };
        phone.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(calls) is < 1)
            {
                error.WriteLine("sbctl: --calls must be at least 1");
                return 2;
            }

            var agent = AgentPhone.Parse(parse.GetValue(sip), parse.GetValue(password), error);
            var options = agent is null ? null : phone.Build(parse, agent.Value.Uri.User!, error);
            if (agent is null || options is null)
            {
                return 2;
            }

            await using var softPhone = await AgentPhone.StartAsync(agent.Value, options, output, error, cancellationToken);
            if (softPhone is null)
            {
                return 1;
            }

            try
            {
                await softPhone.Phone.AnswerCallsAsync(parse.GetValue(calls), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }

            return 0;
        });
        return command;
    }
}
