using Switchboard.Acd.Directory;
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
/// (only the registered binding of its directory account), a transfer target as resolved, a callback's citizen
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

    /// <summary>
    /// Dials the agent's phone: the registrar's current binding of the directory account <c>sip:&lt;user&gt;@&lt;Sip:Domain&gt;</c>,
    /// sent to the address the REGISTER came from. Nothing else is ever dialled for an agent: an account that is not a
    /// plain user name, or not registered now, fails the leg (the offer then counts as missed and the caller keeps their
    /// place), so no agent can make the node INVITE a number or host of their choosing.
    /// </summary>
    private async Task DialAgentAsync(CallLeg leg, AgentPhone phone, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        if (DirectoryAgentValidator.CheckPhoneUser(phone.PhoneUser) is not null)
        {
            leg.FailDial("the agent has no phone account in the directory");
            return;
        }

        var addressOfRecord = SipUri.Create(phone.PhoneUser, context.Sip.PhoneDomain);
        var bindings = await context.Sip.Registrar.LookupAsync(addressOfRecord, cancellationToken).ConfigureAwait(false);
        var binding = bindings.Where(b => b.Source is not null).MaxBy(b => b.ExpiresAt);
        if (binding is null || !SipUri.TryParse(binding.Contact, out var contact))
        {
            leg.FailDial($"the agent's phone ({phone.PhoneUser}) is not registered");
            return;
        }

        var from = SipUri.Create(phone.ShownNumber, OurHost);
        leg.Dial(UserAgent, contact, new SipInviteOptions
        {
            RingTimeout = ringTimeout,
            Destination = binding.Source,
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
