using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Security;
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
    private readonly DigestReplayCache _replays;
    private readonly RegistrationGuard _guard;
    private readonly SipSecurityEvents? _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a registrar; <paramref name="logger"/> receives refused and challenged registrations (<c>SipLog</c> 3030, 3031).</summary>
    public SipRegistrar(IRegistrationStore store, ISipCredentialStore? credentials, TimeProvider timeProvider, SipRegistrarOptions? options = null,
        DigestNonceManager? nonces = null, ILogger? logger = null, SipSecurityEvents? events = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _store = store;
        _credentials = credentials;
        _timeProvider = timeProvider;
        Options = options ?? new SipRegistrarOptions();
        _nonces = nonces ?? new DigestNonceManager(timeProvider);
        _replays = new DigestReplayCache(timeProvider, _nonces.Lifetime);
        _events = events;
        _guard = new RegistrationGuard(Options, timeProvider, events);
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
        var removeAll = false;
        var changes = new List<SipBindingChange>(contactValues.Count);
        if (contactValues is ["*"])
        {
            if (request.Expires != 0)
            {
                return SipResponseFactory.Create(request, SipStatusCodes.BadRequest, "Bad Request (Contact * needs Expires: 0)", toTag);
            }

            removeAll = true;
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
                changes.Add(new SipBindingChange(uri, seconds == 0 ? null : new SipBinding(aor, uri, now.AddSeconds(seconds), request.CallId!, request.CSeq!.Value.Number, source)));
            }
        }

        // The changes and the read-back in one store call: one Redis round trip per REGISTER in the shared store.
        var bindings = await _store.UpdateAsync(aor, removeAll, changes, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The 401 for a REGISTER that carries no Authorization header at all (the first of a registration), to be sent
    /// without a server transaction (RFC 3261 §8.2.7); null for anything else, which goes through
    /// <see cref="ProcessAsync"/>. The To tag is derived from the request (Call-ID, From tag, branch, CSeq) with a
    /// per-process random seed, so a retransmission gets the same tag (§8.2.7) and a fresh nonce.
    /// </summary>
    internal SipResponse? ChallengeStatelessly(SipRequest request, Transport.SipEndPoint source)
    {
        if (_credentials is null || request.To is not { Uri.IsSip: true } to || request.Headers.Get(SipHeaderNames.Authorization) is not null)
        {
            return null;
        }

        SipLog.RegistrarChallenged(_logger, to.Uri.ToAddressOfRecord(), source, false);
        return Challenge(request, StatelessTag(request), stale: false);
    }

    private static string StatelessTag(SipRequest request)
    {
        var callId = request.CallId;
        var fromTag = request.From?.Tag;
        var branch = request.TopVia?.Branch;
        var cseq = request.CSeq?.Number ?? 0;
        var high = (uint)HashCode.Combine(callId, fromTag, branch, cseq);
        var low = (uint)HashCode.Combine(cseq, branch, fromTag, callId, 0x5b);
        return (((ulong)high << 32) | low).ToString("x16", CultureInfo.InvariantCulture);
    }

    private long ExpiresOf(SipNameAddress contact, SipRequest request)
    {
        if (contact.Parameters.Get("expires") is { } p && long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var fromParam))
        {
            return fromParam;
        }

        return request.Expires ?? (long)Options.DefaultExpires.TotalSeconds;
    }

    /// <summary>
    /// Returns a 401/403 to send, or null when the request carries valid credentials for the AOR's user (§22.4). Required:
    /// qop=auth with a fresh nonce-count (a replay is refused, RFC 7616 §3.4), a digest uri equal to the Request-URI, an
    /// offered algorithm. Unknown user, wrong password, replay, pause and lockout all get the same 403; after a few failures
    /// further attempts are refused unchecked for a growing pause, then locked out (<see cref="RegistrationGuard"/>).
    /// </summary>
    private async Task<SipResponse?> AuthenticateAsync(SipRequest request, Transport.SipEndPoint? source, SipNameAddress to, string toTag, CancellationToken cancellationToken)
    {
        DigestCredentials? credentials = null;
        foreach (var value in request.Headers.GetAll(SipHeaderNames.Authorization))
        {
            if (DigestCredentials.TryParse(value, out var c) && c.Realm == Options.Realm)
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

        var address = source?.Address.Address;
        switch (_nonces.Validate(credentials.Nonce))
        {
            case DigestNonceStatus.Invalid:
                SipLog.RegistrarAuthFailed(_logger, credentials.Username, source, "unknown or forged nonce, challenged again");
                _events?.AuthenticationFailed(address, "forged nonce");
                return Challenge(request, toTag, stale: false);
            case DigestNonceStatus.Stale:
                SipLog.RegistrarChallenged(_logger, to.Uri.ToAddressOfRecord(), source, true);
                return Challenge(request, toTag, stale: true);
        }

        if (_guard.Check(address, credentials.Username) is not RegistrationVerdict.Allowed and var verdict)
        {
            _events?.LockedOutRefused(address, verdict == RegistrationVerdict.LockedOut ? "locked out" : "slowed down after failures");
            return Forbidden(request, toTag);
        }

        var failure = CheckForm(credentials, request);
        var ha1 = failure is null ? await _credentials!.GetHa1Async(credentials.Username, Options.Realm, credentials.Algorithm, cancellationToken).ConfigureAwait(false) : null;
        var known = ha1 is not null;
        // An unknown user costs the same hashing as a known one, so the answer's timing does not tell them apart.
        if (failure is null && !credentials.VerifyHa1(ha1 ?? UnknownUserHa1(credentials.Algorithm), request.Method))
        {
            failure = known ? "wrong password" : "unknown user or wrong password";
        }

        if (failure is null && !string.Equals(to.Uri.UserUnescaped, credentials.Username, StringComparison.Ordinal))
        {
            failure = "user may not register this address";
        }

        if (failure is null)
        {
            switch (_replays.TryAccept(credentials.Nonce, credentials.NonceCount))
            {
                case DigestReplayCache.Result.Replayed:
                    failure = "replayed nonce-count";
                    break;
                case DigestReplayCache.Result.Full:
                    return Challenge(request, toTag, stale: true);
            }
        }

        if (failure is null)
        {
            _guard.RecordSuccess(address, credentials.Username);
            return null;
        }

        SipLog.RegistrarAuthFailed(_logger, credentials.Username, source, failure);
        _events?.AuthenticationFailed(address, known ? failure : "unknown user or wrong password");
        _guard.RecordFailure(address, credentials.Username, known);
        return Forbidden(request, toTag);
    }

    /// <summary>The checks that need no secret: qop=auth with nc and cnonce, an offered algorithm, uri = Request-URI.</summary>
    private string? CheckForm(DigestCredentials credentials, SipRequest request)
    {
        if (!string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase) || credentials.NonceCount is not { Length: 8 } || string.IsNullOrEmpty(credentials.CNonce))
        {
            return "qop=auth with nc and cnonce required";
        }

        var algorithm = credentials.Algorithm ?? DigestAlgorithm.Md5;
        if (!Options.Algorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase))
        {
            return "algorithm not offered";
        }

        if (!UriMatches(credentials.Uri, request))
        {
            return "digest uri differs from the Request-URI";
        }

        return null;
    }

    /// <summary>RFC 7616 §3.4.6 / RFC 3261 §22.4: the digest-uri must name the Request-URI (compared as SIP URIs, §19.1.4).</summary>
    private static bool UriMatches(string digestUri, SipRequest request) =>
        string.Equals(digestUri, request.UriText, StringComparison.Ordinal)
        || string.Equals(digestUri, request.Uri.ToString(), StringComparison.Ordinal)
        || (SipUri.TryParse(digestUri, out var parsed) && string.Equals(parsed.ToString(), request.Uri.ToString(), StringComparison.OrdinalIgnoreCase));

    private static string UnknownUserHa1(string? algorithm) => DigestAlgorithm.Hash(algorithm, "unknown-user:switchboard:" + Guid.NewGuid().ToString("N"));

    /// <summary>The one answer for every failed authentication, whatever failed (unknown user, wrong password, replay, lockout).</summary>
    private static SipResponse Forbidden(SipRequest request, string toTag) =>
        SipResponseFactory.Create(request, SipStatusCodes.Forbidden, null, toTag);

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
