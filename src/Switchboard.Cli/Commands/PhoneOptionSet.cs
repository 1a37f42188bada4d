using System.CommandLine;
using System.Globalization;
using System.Net;
using Switchboard.Cli.Phone;
using Switchboard.Media.Prompts;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Cli.Commands;

/// <summary>The options every built-in phone takes (<c>sbctl phone</c>, <c>sbctl call</c>, <c>sbctl agent --phone</c>).</summary>
internal sealed class PhoneOptionSet
{
    private PhoneOptionSet(int defaultTone)
    {
        Tone = new Option<int>("--tone") { Description = $"Send a sine tone of this many Hz as the phone's voice (default {defaultTone})", DefaultValueFactory = _ => defaultTone };
        Play = new Option<FileInfo?>("--play") { Description = "Send this WAV file (looped) instead of a tone" };
        Record = new Option<string?>("--record") { Description = "Write what the phone hears to this WAV file (8 kHz mono; later calls: NAME-2.wav, ...)" };
        HangUpAfter = new Option<string?>("--hangup-after") { Description = "Hang up this long after the call is answered, e.g. 20s or 2m (default: wait for the other side)" };
        Port = new Option<int>("--phone-port") { Description = "The phone's own SIP port on 127.0.0.1 (default: any free port)" };
    }

    public Option<int> Tone { get; }

    public Option<FileInfo?> Play { get; }

    public Option<string?> Record { get; }

    public Option<string?> HangUpAfter { get; }

    public Option<int> Port { get; }

    public static PhoneOptionSet Create(int defaultTone) => new(defaultTone);

    public void AddTo(Command command)
    {
        command.Options.Add(Tone);
        command.Options.Add(Play);
        command.Options.Add(Record);
        command.Options.Add(HangUpAfter);
        command.Options.Add(Port);
    }

    /// <summary>The phone options from the parse; on bad input writes why and returns null.</summary>
    public PhoneOptions? Build(ParseResult parse, string user, TextWriter error)
    {
        PhoneAudio audio;
        try
        {
            audio = parse.GetValue(Play) is { } file ? PhoneAudio.File(file.FullName) : PhoneAudio.Tone(parse.GetValue(Tone));
        }
        catch (Exception ex) when (ex is WavFormatException or IOException or ArgumentOutOfRangeException)
        {
            error.WriteLine($"sbctl: {(parse.GetValue(Play) is null ? "--tone" : "--play")}: {ex.Message}");
            return null;
        }

        TimeSpan? hangUpAfter = null;
        if (parse.GetValue(HangUpAfter) is { } text)
        {
            if (ParseDuration(text) is not { } parsed)
            {
                error.WriteLine($"sbctl: bad --hangup-after '{text}' (e.g. 20s, 2m; at most 24h)");
                return null;
            }

            hangUpAfter = parsed;
        }

        var port = parse.GetValue(Port);
        if (port is < 0 or > 65535)
        {
            error.WriteLine($"sbctl: bad --phone-port {port}");
            return null;
        }

        return new PhoneOptions { User = user, Audio = audio, RecordPath = parse.GetValue(Record), HangUpAfter = hangUpAfter, SipPort = port };
    }

    /// <summary><c>20s</c>, <c>2m</c>, <c>1h</c> or seconds; null when bad or not between 0 and 24 hours.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsAsciiLetter(unit) && text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        TimeSpan? result = unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
        return result is { } r && r >= TimeSpan.Zero && r <= TimeSpan.FromHours(24) ? r : null;
    }

    /// <summary>Where a SIP URI's host points: an IP literal and port (default 5060), UDP. Null for a host name.</summary>
    public static SipEndPoint? EndPointOf(SipUri uri) =>
        IPAddress.TryParse(uri.HostAddress, out var address) ? new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(address, uri.Port ?? 5060)) : null;
}
