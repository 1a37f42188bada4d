using System.Globalization;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgents;

public sealed partial class SipUserAgent
{
    /// <summary>
    /// Places a call (RFC 3261 §13.2): INVITE with the SDP offer, provisional responses reported, one digest challenge
    /// (401/407) answered, CANCEL after <see cref="SipInviteOptions.RingTimeout"/> or when <paramref name="cancellationToken"/>
    /// fires (§9.1), ACK for 2xx (§13.2.2.4). Never throws for SIP failures: the final response says what happened.
    /// </summary>
    public async Task<SipCallResult> InviteAsync(SipUri target, string contentType, ReadOnlyMemory<byte> offer, SipInviteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= SipInviteOptions.Default;
        var destination = options.Destination ?? await ResolveAsync(target, new SipEndPoint(options.Transport, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060)), cancellationToken).ConfigureAwait(false);
        var (host, _) = Layer.Transport.GetSentBy(destination.Transport);
        var from = (options.From ?? new SipNameAddress(SipUri.Create(Options.ContactUser, host))).WithTag(SipTransactionLayer.RandomToken(6));
        var callId = SipTransactionLayer.RandomToken(12) + "@" + host;
        long cseq = 1;
        var authorization = (SipHeader?)null;
        var authenticated = false;
        var deadline = Layer.TimeProvider.GetUtcNow() + options.RingTimeout;

        while (true)
        {
            var request = BuildInvite(target, from, callId, cseq, destination.Transport, contentType, offer, options, authorization);
            var tx = Layer.SendRequest(request, destination);
            if (options.OnProvisional is { } onProvisional)
            {
                tx.ProvisionalReceived = onProvisional;
            }

            var response = await WaitFinalOrCancelAsync(tx, deadline, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is SipStatusCodes.Unauthorized or SipStatusCodes.ProxyAuthenticationRequired && options.Credentials is { } creds && !authenticated)
            {
                var proxy = response.StatusCode == SipStatusCodes.ProxyAuthenticationRequired;
                var header = response.Headers.Get(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate);
                if (DigestChallenge.TryParse(header, out var challenge) && DigestAlgorithm.IsSupported(challenge.Algorithm))
                {
                    var answer = DigestCredentials.Create(challenge, creds.Username, creds.Password, SipMethods.Invite, target.ToString());
                    authorization = new SipHeader(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization, answer.ToString());
                    authenticated = true;
                    cseq++;
                    continue;
                }
            }

            if (!response.IsSuccess)
            {
                return new SipCallResult(response, null);
            }

            var remoteTarget = response.Contacts is [var contact, ..] ? contact.Uri : target;
            var routes = response.RecordRoutes.Reverse().ToList(); // §12.1.2: reverse order at the UAC
            var dialog = new SipDialog(this, true, callId, from, response.To!, remoteTarget, routes, cseq, 0, destination);
            _dialogs[dialog.Key] = dialog;
            dialog.SendAck(tx.Request, response, destination);
            tx.AdditionalSuccessReceived = r => dialog.SendAck(tx.Request, r, destination);
            if (cancellationToken.IsCancellationRequested || Layer.TimeProvider.GetUtcNow() > deadline)
            {
                _ = dialog.ByeAsync(CancellationToken.None); // 2xx crossed our CANCEL (§9.1): end the call at once
            }

            return new SipCallResult(response, dialog);
        }
    }

    private async Task<SipResponse> WaitFinalOrCancelAsync(SipClientTransaction tx, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - Layer.TimeProvider.GetUtcNow();
        using var ring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var delay = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Layer.TimeProvider, ring.Token);
            var first = await Task.WhenAny(tx.FinalResponse, delay).ConfigureAwait(false);
            if (first == tx.FinalResponse)
            {
                return await tx.FinalResponse.ConfigureAwait(false);
            }
        }
        finally
        {
            await ring.CancelAsync().ConfigureAwait(false);
        }

        // Ring timeout or caller gave up: CANCEL, then the INVITE ends with 487 (or a 2xx that crossed the CANCEL).
        Layer.SendCancel(tx);
        return await tx.FinalResponse.ConfigureAwait(false);
    }

    private SipRequest BuildInvite(SipUri target, SipNameAddress from, string callId, long cseq, SipTransportKind transport, string contentType,
        ReadOnlyMemory<byte> offer, SipInviteOptions options, SipHeader? authorization)
    {
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, from.ToString()),
            new(SipHeaderNames.To, new SipNameAddress(target with { Parameters = SipParameters.Empty, Headers = null }).ToString()),
            new(SipHeaderNames.CallId, callId),
            new(SipHeaderNames.CSeq, $"{cseq.ToString(CultureInfo.InvariantCulture)} INVITE"),
            new(SipHeaderNames.Contact, ContactFor(transport).ToString()),
            new(SipHeaderNames.Allow, string.Join(", ", SipMethods.Supported)),
            new(SipHeaderNames.Supported, string.Join(", ", SipRequestScreen.SupportedExtensions)),
            new(SipHeaderNames.UserAgent, Options.UserAgentName),
        };
        headers.AddRange(options.ExtraHeaders);
        if (authorization is { } auth)
        {
            headers.Add(auth);
        }

        if (!offer.IsEmpty || contentType.Length > 0)
        {
            headers.Add(new SipHeader(SipHeaderNames.ContentType, contentType));
        }

        return new SipRequest(SipMethods.Invite, target with { Headers = null }) { Headers = new SipHeaders(headers.ToArray()), Body = offer };
    }

    /// <summary>Sends an out-of-dialog OPTIONS ping (RFC 3261 §11) and returns the final response.</summary>
    public async Task<SipResponse> OptionsAsync(SipUri target, SipEndPoint? destination = null, CancellationToken cancellationToken = default)
    {
        var to = destination ?? await ResolveAsync(target, null, cancellationToken).ConfigureAwait(false);
        var (host, _) = Layer.Transport.GetSentBy(to.Transport);
        var headers = new SipHeader[]
        {
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, new SipNameAddress(SipUri.Create(Options.ContactUser, host)).WithTag(SipTransactionLayer.RandomToken(6)).ToString()),
            new(SipHeaderNames.To, new SipNameAddress(target).ToString()),
            new(SipHeaderNames.CallId, SipTransactionLayer.RandomToken(12) + "@" + host),
            new(SipHeaderNames.CSeq, "1 OPTIONS"),
            new(SipHeaderNames.Accept, "application/sdp"),
        };
        var tx = Layer.SendRequest(new SipRequest(SipMethods.Options, target) { Headers = new SipHeaders(headers) }, to);
        return await tx.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
