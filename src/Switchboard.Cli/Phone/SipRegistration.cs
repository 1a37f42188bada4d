using System.Globalization;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Cli.Phone;

/// <summary>
/// A phone's registration (RFC 3261 §10.2): REGISTER with our contact, one digest challenge answered (§22), refreshed
/// at half the granted expiry, removed (Expires: 0) on dispose. Same Call-ID and rising CSeq throughout (§10.2.4).
/// </summary>
internal sealed class SipRegistration : IAsyncDisposable
{
    private readonly SipEndpoint _sip;
    private readonly SipUri _aor;
    private readonly SipEndPoint _registrar;
    private readonly string _user;
    private readonly string _password;
    private readonly TimeProvider _time;
    private readonly string _callId;
    private readonly string _fromTag = SipTransactionLayer.RandomToken(6);
    private readonly CancellationTokenSource _stop = new();
    private long _cseq;
    private Task? _refresh;

    private SipRegistration(SipEndpoint sip, SipUri aor, SipEndPoint registrar, string user, string password, TimeProvider time)
    {
        _sip = sip;
        _aor = aor;
        _registrar = registrar;
        _user = user;
        _password = password;
        _time = time;
        _callId = SipTransactionLayer.RandomToken(12) + "@" + sip.LocalEndPoint.Address;
    }

    /// <summary>The expiry the registrar granted.</summary>
    public TimeSpan Expires { get; private set; }

    /// <summary>Registers <paramref name="aor"/>; throws <see cref="SipRegistrationException"/> with the final status when refused.</summary>
    public static async Task<SipRegistration> RegisterAsync(SipEndpoint sip, SipUri aor, SipEndPoint registrar, string user, string password,
        TimeSpan expires, TimeProvider time, CancellationToken cancellationToken)
    {
        var registration = new SipRegistration(sip, aor, registrar, user, password, time);
        registration.Expires = await registration.SendAsync(expires, cancellationToken).ConfigureAwait(false);
        registration._refresh = registration.RefreshLoopAsync(expires);
        return registration;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_refresh is not null)
        {
            await _refresh.ConfigureAwait(false);
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SendAsync(TimeSpan.Zero, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipRegistrationException or OperationCanceledException)
        {
            // Best effort: the binding expires by itself.
        }

        _stop.Dispose();
    }

    private async Task RefreshLoopAsync(TimeSpan requested)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Expires / 2, _time, _stop.Token).ConfigureAwait(false);
                Expires = await SendAsync(requested, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SipRegistrationException)
            {
                // Try again at the next refresh; the binding may still hold.
            }
        }
    }

    private async Task<TimeSpan> SendAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        var requestUri = SipUri.Create(null, _aor.Host, _registrar.Address.Port);
        SipHeader? authorization = null;
        for (var attempt = 0; ; attempt++)
        {
            var request = Build(requestUri, expires, authorization);
            var tx = _sip.Transactions.SendRequest(request, _registrar);
            var response = await tx.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccess)
            {
                return expires == TimeSpan.Zero ? TimeSpan.Zero : Granted(response, expires);
            }

            if (attempt == 0 && response.StatusCode is SipStatusCodes.Unauthorized or SipStatusCodes.ProxyAuthenticationRequired)
            {
                var proxy = response.StatusCode == SipStatusCodes.ProxyAuthenticationRequired;
                if (DigestChallenge.TryParse(response.Headers.Get(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate), out var challenge)
                    && DigestAlgorithm.IsSupported(challenge.Algorithm))
                {
                    var answer = DigestCredentials.Create(challenge, _user, _password, SipMethods.Register, requestUri.ToString());
                    authorization = new SipHeader(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization, answer.ToString());
                    continue;
                }
            }

            throw new SipRegistrationException(response.StatusCode, response.ReasonPhrase);
        }
    }

    private SipRequest Build(SipUri requestUri, TimeSpan expires, SipHeader? authorization)
    {
        var seconds = ((int)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, new SipNameAddress(_aor).WithTag(_fromTag).ToString()),
            new(SipHeaderNames.To, new SipNameAddress(_aor).ToString()),
            new(SipHeaderNames.CallId, _callId),
            new(SipHeaderNames.CSeq, $"{Interlocked.Increment(ref _cseq).ToString(CultureInfo.InvariantCulture)} REGISTER"),
            new(SipHeaderNames.Contact, _sip.UserAgent.ContactFor(_registrar.Transport).ToString()),
            new(SipHeaderNames.Expires, seconds),
            new(SipHeaderNames.UserAgent, _sip.UserAgent.Options.UserAgentName),
        };
        if (authorization is { } auth)
        {
            headers.Add(auth);
        }

        return new SipRequest(SipMethods.Register, requestUri) { Headers = new SipHeaders(headers) };
    }

    private static TimeSpan Granted(SipResponse response, TimeSpan requested)
    {
        // §10.2.4: the registrar may shorten the expiry in the Contact's expires parameter or the Expires header.
        foreach (var contact in response.Contacts)
        {
            if (contact.Parameters.Get("expires") is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, requested.TotalSeconds));
            }
        }

        return int.TryParse(response.Headers.Get(SipHeaderNames.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var header) && header > 0
            ? TimeSpan.FromSeconds(Math.Min(header, requested.TotalSeconds))
            : requested;
    }
}
