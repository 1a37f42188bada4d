using System.Net;
using Switchboard.Acd.Registrations;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The registrar's <see cref="IRegistrationStore"/> over the nodes' shared <see cref="RegistrationStore"/> (Redis):
/// maps the SIP layer's <see cref="SipBinding"/> to and from the plain <see cref="RegistrationRecord"/>.
/// </summary>
public sealed class SharedRegistrationStore(RegistrationStore store) : IRegistrationStore
{
    public async ValueTask<IReadOnlyList<SipBinding>> GetBindingsAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        [.. (await store.GetAsync(addressOfRecord, cancellationToken).ConfigureAwait(false)).Select(ToSip)];

    public async ValueTask SetBindingAsync(SipBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        await store.SetAsync(
            new RegistrationRecord(binding.AddressOfRecord, binding.Contact, binding.ExpiresAt, binding.CallId, binding.CSeq,
                binding.Source?.Transport.ToString(), binding.Source?.Address.ToString()),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveBindingAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default) =>
        await store.RemoveAsync(addressOfRecord, contact, cancellationToken).ConfigureAwait(false);

    public async ValueTask RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        await store.RemoveAllAsync(addressOfRecord, cancellationToken).ConfigureAwait(false);

    private static SipBinding ToSip(RegistrationRecord r)
    {
        SipEndPoint? source = null;
        if (r.Transport is not null && Enum.TryParse<SipTransportKind>(r.Transport, out var transport) && IPEndPoint.TryParse(r.EndPoint ?? "", out var endPoint))
        {
            source = new SipEndPoint(transport, endPoint);
        }

        return new SipBinding(r.Aor, r.Contact, r.ExpiresAt, r.CallId, r.CSeq, source);
    }
}
