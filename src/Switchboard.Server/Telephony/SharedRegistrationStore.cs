using System.Net;
using Switchboard.Acd.Registrations;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The registrar's <see cref="IRegistrationStore"/> over the nodes' shared <see cref="RegistrationStore"/> (Redis):
/// maps the SIP layer's <see cref="SipBinding"/> to and from the plain <see cref="RegistrationRecord"/>. A REGISTER is one
/// <see cref="UpdateAsync"/>: one Redis round trip.
/// </summary>
public sealed class SharedRegistrationStore(RegistrationStore store) : IRegistrationStore
{
    public async ValueTask<IReadOnlyList<SipBinding>> GetBindingsAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        [.. (await store.GetAsync(addressOfRecord, cancellationToken).ConfigureAwait(false)).Select(ToSip)];

    public async ValueTask SetBindingAsync(SipBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        await store.SetAsync(ToRecord(binding), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<SipBinding>> UpdateAsync(string addressOfRecord, bool removeAll, IReadOnlyList<SipBindingChange> changes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var records = new (string Contact, RegistrationRecord? Record)[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            records[i] = (changes[i].Contact, changes[i].Binding is { } binding ? ToRecord(binding) : null);
        }

        return [.. (await store.UpdateAsync(addressOfRecord, removeAll, records, cancellationToken).ConfigureAwait(false)).Select(ToSip)];
    }

    public async ValueTask RemoveBindingAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default) =>
        await store.RemoveAsync(addressOfRecord, contact, cancellationToken).ConfigureAwait(false);

    public async ValueTask RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default) =>
        await store.RemoveAllAsync(addressOfRecord, cancellationToken).ConfigureAwait(false);

    private static RegistrationRecord ToRecord(SipBinding binding) =>
        new(binding.AddressOfRecord, binding.Contact, binding.ExpiresAt, binding.CallId, binding.CSeq,
            binding.Source?.Transport.ToString(), binding.Source?.Address.ToString());

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
