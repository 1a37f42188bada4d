using System.Globalization;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// DTMF carried in SIP INFO bodies: <c>application/dtmf-relay</c> ("Signal=5\r\nDuration=160", the de-facto
/// Cisco format) and <c>application/dtmf</c> (a bare "5" or event code "11"). The SIP layer passes content type and body.
/// </summary>
public static class SipInfoDtmf
{
    /// <summary>Parses an INFO body; false (never an exception) when it holds no DTMF key.</summary>
    public static bool TryParse(string? contentType, string? body, out DtmfDigit digit)
    {
        digit = default;
        if (contentType is null || body is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        if (mediaType.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRelay(body, out digit);
        }

        if (mediaType.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSignal(body.Trim(), TimeSpan.Zero, out digit);
        }

        return false;
    }

    private static bool TryParseRelay(string body, out DtmfDigit digit)
    {
        digit = default;
        string? signal = null;
        var duration = TimeSpan.Zero;
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                signal = value;
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase) &&
                     int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                duration = TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return signal is not null && TryParseSignal(signal, duration, out digit);
    }

    private static bool TryParseSignal(string signal, TimeSpan duration, out DtmfDigit digit)
    {
        digit = default;
        if (signal.Length == 1 && DtmfDigit.ToEventCode(signal[0]) is not null)
        {
            digit = new DtmfDigit(char.ToUpperInvariant(signal[0]), DtmfSource.SipInfo, duration);
            return true;
        }

        if (int.TryParse(signal, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && DtmfDigit.FromEventCode(code) is { } fromCode)
        {
            digit = new DtmfDigit(fromCode, DtmfSource.SipInfo, duration);
            return true;
        }

        return false;
    }
}
