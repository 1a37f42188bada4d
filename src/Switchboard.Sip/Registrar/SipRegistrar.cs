using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 §10.3) with digest authentication (RFC 3261 §22.4, RFC 7616 MD5/SHA-256, RFC 8760): several contacts
/// per address-of-record, per-contact expiry, "*" removal, 423 for too-short intervals, stale=true for expired nonces.
/// Without a credential store every REGISTER is accepted.
/// </summary>
public sealed class SipRegistrar : ISipRequestHandler
{
    private readonly IRegistrationStore _store;
    private readonly ISipCredentialStore? _credentials;
    private readonly DigestNonceManager _nonces;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a registrar; <paramref name="logger"/> receives refused and challenged registrations (<c>SipLog</c> 3030, 3031).</summary>
    public SipRegistrar(IRegistrationStore store, ISipCredentialStore? credentials, TimeProvider timeProvider, SipRegistrarOptions? options = null,
        DigestNonceManager? nonces = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _store = store;
        _credentials = credentials;
        _timeProvider = timeProvider;
        Options = options ?? new SipRegistrarOptions();
        _nonces = nonces ?? new DigestNonceManager(timeProvider);
    }

    public SipRegistrarOptions Options { get; }

    /// <summary>Where an address-of-record (e.g. <c>sip:agent7@example.com</c>) is registered now.</summary>
    public ValueTask<IReadOnlyList<SipBinding>> LookupAsync(SipUri addressOfRecord, CancellationToken cancellationToken = default) =>
        _store.GetBindingsAsync(addressOfRecord.ToAddressOfRecord(), cancellationToken);

    public async Task HandleAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        var response = await ProcessAsync(transaction.Request, transaction.Remote, cancellationToken).ConfigureAwait(false);
        transaction.Respond(response);
    }

    /// <summary>Processes a REGISTER and returns the response (pure apart from the stores; used directly by tests).</summary>
    public async Task<SipResponse> ProcessAsync(SipRequest request, Transport.SipEndPoint? source, CancellationToken cancellationToken = default)
    {
        var toTag = SipTransactionLayer.RandomToken(6);
        var to = request.To;
        if (to is null || !to.Uri.IsSip)
        {
            return SipResponseFactory.Create(request, SipStatusCodes.BadRequest, "Bad Request (address-of-record must be a SIP URI)", toTag);
        }

        if (_credentials is not null && await AuthenticateAsync(request, source, to, toTag, cancellationToken).ConfigureAwait(false) is { } challenge)
        {
            return challenge;
        }

        var aor = to.Uri.ToAddressOfRecord();
        var now = _timeProvider.GetUtcNow();
        var contactValues = request.Headers.GetValues(SipHeaderNames.Contact);
        if (contactValues is ["*"])
        {
            if (request.Expires != 0)
            {
                return SipResponseFactory.Create(request, SipStatusCodes.BadRequest, "Bad Request (Contact * needs Expires: 0)", toTag);
            }

            await _store.RemoveAllAsync(aor, cancellationToken).ConfigureAwait(false);
        }
        else if (contactValues.Count > 0)
        {
            if (!SipNameAddress.TryParseList(contactValues, out var contacts))
            {
                return SipResponseFactory.Create(request, SipStatusCodes.BadRequest, "Bad Request (malformed Contact)", toTag);
            }

            foreach (var contact in contacts)
            {
                var seconds = ExpiresOf(contact, request);
                if (seconds > 0 && seconds < Options.MinExpires.TotalSeconds)
                {
                    var tooBrief = SipResponseFactory.Create(request, SipStatusCodes.IntervalTooBrief, null, toTag);
                    return tooBrief with { Headers = tooBrief.Headers.Add(SipHeaderNames.MinExpires, ((int)Options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture)) };
                }
            }

            foreach (var contact in contacts)
            {
                var seconds = Math.Min(ExpiresOf(contact, request), (long)Options.MaxExpires.TotalSeconds);
                var uri = contact.Uri.ToString();
                if (seconds == 0)
                {
                    await _store.RemoveBindingAsync(aor, uri, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var binding = new SipBinding(aor, uri, now.AddSeconds(seconds), request.CallId!, request.CSeq!.Value.Number, source);
                    await _store.SetBindingAsync(binding, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var bindings = await _store.GetBindingsAsync(aor, cancellationToken).ConfigureAwait(false);
        var ok = SipResponseFactory.Create(request, SipStatusCodes.Ok, null, toTag);
        var headers = ok.Headers;
        foreach (var b in bindings)
        {
            var left = Math.Max(0, (int)Math.Ceiling((b.ExpiresAt - now).TotalSeconds));
            headers = headers.Add(SipHeaderNames.Contact, $"<{b.Contact}>;expires={left.ToString(CultureInfo.InvariantCulture)}");
        }

        headers = headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return ok with { Headers = headers };
    }

    private long ExpiresOf(SipNameAddress contact, SipRequest request)
    {
        if (contact.Parameters.Get("expires") is { } p && long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var fromParam))
        {
            return fromParam;
        }

        return request.Expires ?? (long)Options.DefaultExpires.TotalSeconds;
    }

    /// <summary>Returns a 401/403 to send, or null when the request carries valid credentials for the AOR's user (§22.4).</summary>
    private async Task<SipResponse?> AuthenticateAsync(SipRequest request, Transport.SipEndPoint? source, SipNameAddress to, string toTag, CancellationToken cancellationToken)
    {
        DigestCredentials? credentials = null;
        foreach (var value in request.Headers.GetAll(SipHeaderNames.Authorization))
        {
            if (DigestCredentials.TryParse(value, out var c) && c.Realm == Options.Realm && DigestAlgorithm.IsSupported(c.Algorithm))
            {
                credentials = c;
                break;
            }
        }

        if (credentials is null)
        {
            SipLog.RegistrarChallenged(_logger, to.Uri.ToAddressOfRecord(), source, false);
            return Challenge(request, toTag, stale: false);
        }

        switch (_nonces.Validate(credentials.Nonce))
        {
            case DigestNonceStatus.Invalid:
                SipLog.RegistrarAuthFailed(_logger, credentials.Username, source, "unknown or forged nonce, challenged again");
                return Challenge(request, toTag, stale: false);
            case DigestNonceStatus.Stale:
                SipLog.RegistrarChallenged(_logger, to.Uri.ToAddressOfRecord(), source, true);
                return Challenge(request, toTag, stale: true);
        }

        var password = await _credentials!.GetPasswordAsync(credentials.Username, Options.Realm, cancellationToken).ConfigureAwait(false);
        if (password is null || !credentials.Verify(password, request.Method))
        {
            SipLog.RegistrarAuthFailed(_logger, credentials.Username, source, password is null ? "unknown user" : "wrong password (digest mismatch)");
            return SipResponseFactory.Create(request, SipStatusCodes.Forbidden, "Forbidden (bad credentials)", toTag);
        }

        if (!string.Equals(to.Uri.UserUnescaped, credentials.Username, StringComparison.Ordinal))
        {
            SipLog.RegistrarAuthFailed(_logger, credentials.Username, source, $"may not register {to.Uri.ToAddressOfRecord()}");
            return SipResponseFactory.Create(request, SipStatusCodes.Forbidden, "Forbidden (user may not register this address)", toTag);
        }

        return null;
    }

    private SipResponse Challenge(SipRequest request, string toTag, bool stale)
    {
        var r = SipResponseFactory.Create(request, SipStatusCodes.Unauthorized, null, toTag);
        var nonce = _nonces.Create();
        var headers = r.Headers;
        foreach (var algorithm in Options.Algorithms)
        {
            headers = headers.Add(SipHeaderNames.WwwAuthenticate, new DigestChallenge(Options.Realm, nonce, algorithm, "auth", null, stale).ToString());
        }

        return r with { Headers = headers };
    }
}
