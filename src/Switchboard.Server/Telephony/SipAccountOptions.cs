using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Telephony;

/// <summary>
/// One agent phone's SIP digest account (<c>Sip:Accounts:&lt;n&gt;</c>): the user name it registers with and its
/// password (RFC 3261 §22.4). Give the password through an environment variable (<c>Sip__Accounts__0__Password</c>), never in git.
/// </summary>
public sealed class SipAccountOptions : IValidatableObject
{
    /// <summary>The digest user name (normally the user part of the phone's address-of-record).</summary>
    public string User { get; set; } = "";

    /// <summary>The digest password (or leave it empty and give <see cref="Ha1"/> / <see cref="Ha1Sha256"/>).</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// Instead of the password: MD5(user:realm:password) in hex (RFC 2617 H(A1); e.g. <c>printf 'agent7:switchboard:pw' | md5sum</c>),
    /// so the configuration never holds the password itself. The realm is <c>Sip:Registrar:Realm</c>.
    /// </summary>
    public string Ha1 { get; set; } = "";

    /// <summary>Instead of the password: SHA-256(user:realm:password) in hex (RFC 7616), for <c>Sip:Registrar:Algorithms</c> with SHA-256.</summary>
    public string Ha1Sha256 { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The display name is "<path>.Validate" (Sip.Accounts[0].Validate): messages start with the key's path.
        var path = validationContext.DisplayName[..validationContext.DisplayName.LastIndexOf('.')];
        if (string.IsNullOrWhiteSpace(User) || User.Any(c => char.IsControl(c) || c is ' ' or ':' or '"' or '@'))
        {
            yield return new ValidationResult($"{path}.User must be set, without spaces, ':', '\"' or '@'", [nameof(User)]);
        }

        if (Password.Length == 0 && Ha1.Length == 0 && Ha1Sha256.Length == 0)
        {
            yield return new ValidationResult($"{path}.Password must be set (or Ha1 / Ha1Sha256)", [nameof(Password)]);
        }

        if (Ha1.Length > 0 && !IsHex(Ha1, 32))
        {
            yield return new ValidationResult($"{path}.Ha1 must be 32 hex digits (MD5 of user:realm:password)", [nameof(Ha1)]);
        }

        if (Ha1Sha256.Length > 0 && !IsHex(Ha1Sha256, 64))
        {
            yield return new ValidationResult($"{path}.Ha1Sha256 must be 64 hex digits (SHA-256 of user:realm:password)", [nameof(Ha1Sha256)]);
        }
    }

    private static bool IsHex(string text, int length) => text.Trim().Length == length && text.Trim().All(char.IsAsciiHexDigit);
}
