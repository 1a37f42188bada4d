namespace Switchboard.Server.Telephony;

/// <summary>
/// One agent phone's SIP digest account (<c>Sip:Accounts:&lt;n&gt;</c>): the user name it registers with and its
/// password (RFC 3261 §22.4). Give the password through an environment variable (<c>Sip__Accounts__0__Password</c>), never in git.
/// </summary>
public sealed class SipAccountOptions
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
}
