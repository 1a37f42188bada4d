namespace Switchboard.Server.Telephony;

/// <summary>
/// One agent phone's SIP digest account (<c>Sip:Accounts:&lt;n&gt;</c>): the user name it registers with and its
/// password (RFC 3261 §22.4). Give the password through an environment variable (<c>Sip__Accounts__0__Password</c>), never in git.
/// </summary>
public sealed class SipAccountOptions
{
    /// <summary>The digest user name (normally the user part of the phone's address-of-record).</summary>
    public string User { get; set; } = "";

    /// <summary>The digest password.</summary>
    public string Password { get; set; } = "";
}
