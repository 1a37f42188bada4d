using Switchboard.Calls.Effects;
using Switchboard.Calls.Flow;
using Switchboard.Calls.Legs;
using Switchboard.Server.Calls;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Turns a <see cref="DialLeg"/> into a SIP INVITE on a <see cref="CallLeg"/>: an agent's phone through the registrar
/// (its registered contact, else the address it signed in with), a transfer target as resolved, a callback's citizen
/// through the trunk (credentials, caller id in From and P-Asserted-Identity).
/// </summary>
internal sealed class LegDialler(CallContext context)
{
    private SipUserAgent UserAgent => context.Sip.UserAgent;

    /// <summary>Starts the leg's INVITE; the leg posts the outcome. Never throws.</summary>
    public async Task DialAsync(CallLeg leg, DialLeg dial, CancellationToken cancellationToken)
    {
        try
        {
            switch (dial.Destination)
            {
                case AgentPhone phone:
                    await DialAgentAsync(leg, phone, dial.RingTimeout, cancellationToken).ConfigureAwait(false);
                    break;
                case ExternalParty party:
                    leg.Dial(UserAgent, party.Destination.Uri, new SipInviteOptions
                    {
                        RingTimeout = dial.RingTimeout,
                        Credentials = party.Destination.Credentials,
                        From = new SipNameAddress(SipUri.Create(party.ShownNumber, OurHost)),
                    });
                    break;
                case CitizenViaTrunk citizen:
                    DialCitizen(leg, citizen, dial.RingTimeout);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && ex is not OperationCanceledException)
        {
            leg.FailDial(ex.Message);
        }
    }

    private string OurHost => UserAgent.ContactFor(SipTransportKind.Udp).Uri.Host;

    private async Task DialAgentAsync(CallLeg leg, AgentPhone phone, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        if (!SipUri.TryParse(phone.SipAddress, out var address))
        {
            leg.FailDial($"agent SIP address '{phone.SipAddress}' is not a SIP URI");
            return;
        }

        var target = address;
        SipEndPoint? destination = null;
        var bindings = await context.Sip.Registrar.LookupAsync(address, cancellationToken).ConfigureAwait(false);
        if (bindings.Count > 0)
        {
            var binding = bindings.MaxBy(b => b.ExpiresAt)!;
            if (SipUri.TryParse(binding.Contact, out var contact))
            {
                target = contact;
            }

            destination = binding.Source;
        }

        var from = SipUri.Create(phone.ShownNumber, OurHost);
        leg.Dial(UserAgent, target, new SipInviteOptions
        {
            RingTimeout = ringTimeout,
            Destination = destination,
            From = phone.DisplayName is null ? new SipNameAddress(from) : new SipNameAddress(phone.DisplayName, from, SipParameters.Empty),
        });
    }

    private void DialCitizen(CallLeg leg, CitizenViaTrunk citizen, TimeSpan ringTimeout)
    {
        var trunkOptions = context.Trunk;
        if (trunkOptions is null || !SipUri.TryParse(trunkOptions.Uri, out var trunk))
        {
            leg.FailDial("no outbound trunk configured (Trunk:Uri)");
            return;
        }

        var identity = new SipNameAddress(SipUri.Create(trunkOptions.CallerId, trunk.Host));
        leg.Dial(UserAgent, trunk with { User = citizen.Number, Password = null, Headers = null }, new SipInviteOptions
        {
            RingTimeout = ringTimeout,
            From = identity,
            Credentials = string.IsNullOrEmpty(trunkOptions.Username) ? null : new SipCredentials(trunkOptions.Username, trunkOptions.Password ?? string.Empty),
            ExtraHeaders = [new SipHeader(SipHeaderNames.PAssertedIdentity, identity.ToString())],
        });
    }
}
