namespace Switchboard.Sip.Registrar;

/// <summary>Where bindings live (RFC 3261 §10.3 location service). In memory here; Switchboard.Server adds a Redis one shared by all nodes.</summary>
public interface IRegistrationStore
{
    /// <summary>Current (unexpired) bindings of an address-of-record.</summary>
    ValueTask<IReadOnlyList<SipBinding>> GetBindingsAsync(string addressOfRecord, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the binding with the same AOR and contact.</summary>
    ValueTask SetBindingAsync(SipBinding binding, CancellationToken cancellationToken = default);

    ValueTask RemoveBindingAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default);

    ValueTask RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default);
}
