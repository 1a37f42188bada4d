using System.CommandLine;
using System.Net.Sockets;
using Switchboard.Cli.Phone;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Cli.Commands;

/// <summary>An agent's built-in phone: the account from <c>--sip</c>, its password, registered with the server that URI names.</summary>
internal sealed class AgentPhone : IAsyncDisposable
{
    /// <summary>Environment variable holding the SIP password when <c>--sip-password</c> is not given.</summary>
    public const string PasswordVariable = "SB_SIP_PASSWORD";

    private readonly SipRegistration _registration;

    private AgentPhone(SoftPhone phone, SipRegistration registration)
    {
        Phone = phone;
        _registration = registration;
    }

    public SoftPhone Phone { get; }

    public static Option<string?> SipOption() => new("--sip") { Description = "The agent's SIP account as registered to Switchboard, e.g. sip:anna@127.0.0.1 (port: the server's SIP port, default 5060)" };

    public static Option<string?> PasswordOption() => new("--sip-password") { Description = $"The SIP account's password (default: ${PasswordVariable})" };

    /// <summary>Checks the account URI and password; on bad input writes why and returns null.</summary>
    public static (SipUri Uri, SipEndPoint Registrar, string Password)? Parse(string? sip, string? password, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (sip is null || !SipUri.TryParse(sip, out var uri) || !uri.IsSip || string.IsNullOrEmpty(uri.User) || PhoneOptionSet.EndPointOf(uri) is not { } registrar)
        {
            error.WriteLine($"sbctl: the phone needs --sip sip:USER@IP[:port] (the account on Switchboard), not '{sip}'");
            return null;
        }

        password ??= Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine($"sbctl: the phone needs the account's password: --sip-password or ${PasswordVariable}");
            return null;
        }

        return (uri with { Port = null, Parameters = SipParameters.Empty }, registrar, password);
    }

    /// <summary>Starts the phone and registers it; on failure writes why and returns null.</summary>
    public static async Task<AgentPhone?> StartAsync((SipUri Uri, SipEndPoint Registrar, string Password) account, PhoneOptions options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        SoftPhone phone;
        try
        {
            phone = SoftPhone.Start(options, output);
        }
        catch (SocketException ex)
        {
            error.WriteLine($"sbctl: phone: cannot bind SIP port {options.SipPort}: {ex.Message}");
            return null;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var registration = await phone.RegisterAsync(account.Uri, account.Registrar, account.Uri.User!, account.Password, timeout.Token).ConfigureAwait(false);
            output.WriteLine($"phone: registered {account.Uri} at {account.Registrar.Address} (listening on 127.0.0.1:{phone.SipPort}, {registration.Expires.TotalSeconds:0} s), sending {options.Audio.Description}");
            return new AgentPhone(phone, registration);
        }
        catch (Exception ex) when (ex is SipRegistrationException or OperationCanceledException)
        {
            error.WriteLine($"sbctl: phone: registering {account.Uri} at {account.Registrar.Address} failed: {(ex is OperationCanceledException ? "no answer" : ex.Message)}");
            await phone.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Phone.WaitIdleAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _registration.DisposeAsync().ConfigureAwait(false);
        await Phone.DisposeAsync().ConfigureAwait(false);
    }
}
