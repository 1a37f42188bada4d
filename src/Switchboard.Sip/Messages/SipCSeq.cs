using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switchboard.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method.</summary>
public readonly record struct SipCSeq(long Number, string Method)
{
    /// <summary>Parses <c>number LWS method</c>; fails when the number is missing, not decimal or 2^31 or more.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipCSeq? cseq)
    {
        cseq = null;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0].Length > 10 ||
            !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > int.MaxValue ||
            !SipSyntax.IsToken(parts[1]))
        {
            return false;
        }

        cseq = new SipCSeq(n, parts[1]);
        return true;
    }

    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method}";
}
