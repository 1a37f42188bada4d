using System.CommandLine;
using Switchboard.Cli.Phone;
using Switchboard.Sip.Messages;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl call sip:ivr@127.0.0.1:5060 --digits 1 [--record caller.wav] [--hangup-after 20s]</c>: dials with
/// Switchboard's own SIP and media stacks, presses keys as RFC 4733 events, sends a tone or WAV and records.
/// </summary>
internal static class CallCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("URI") { Description = "Whom to call, e.g. sip:ivr@127.0.0.1:5060 (an IP address: no DNS)" };
        var digits = new Option<string>("--digits") { Description = "Keys to press once answered (0-9, *, #, A-D), as RFC 4733 events", DefaultValueFactory = _ => string.Empty };
        var wait = new Option<string>("--digits-after") { Description = "Wait this long after the answer before pressing the keys", DefaultValueFactory = _ => "2s" };
        var from = new Option<string>("--from") { Description = "The user part of our From, e.g. a caller number", DefaultValueFactory = _ => "0701234567" };
        var phone = PhoneOptionSet.Create(defaultTone: 660);
        var command = new Command("call", "Call a SIP URI with a phone of our own: press keys (RFC 4733), send a tone or WAV, record what it hears")
        {
            target, digits, wait, from,
        };
        phone.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetRequiredValue(target);
            if (!SipUri.TryParse(text, out var uri) || !uri.IsSip || PhoneOptionSet.EndPointOf(uri) is null)
            {
                error.WriteLine($"sbctl: bad URI '{text}' (expected sip:user@IP[:port])");
                return 2;
            }

            var keys = parse.GetValue(digits) ?? string.Empty;
            if (keys.FirstOrDefault(c => Media.Sessions.MediaSession.EventCode(c) is null) is var bad and not '\0')
            {
                error.WriteLine($"sbctl: bad key '{bad}' in --digits (0-9, *, #, A-D)");
                return 2;
            }

            if (PhoneOptionSet.ParseDuration(parse.GetValue(wait) ?? "2s") is not { } after)
            {
                error.WriteLine($"sbctl: bad --digits-after '{parse.GetValue(wait)}' (e.g. 2s)");
                return 2;
            }

            var options = phone.Build(parse, parse.GetValue(from) ?? "0701234567", error);
            if (options is null)
            {
                return 2;
            }

            await using var softPhone = SoftPhone.Start(options, output);
            try
            {
                var result = await softPhone.CallAsync(uri, keys, after, cancellationToken);
                return result.Connected ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        });
        return command;
    }
}
