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

    /// <summary>
    /// Applies one REGISTER to an address-of-record and returns its unexpired bindings afterwards: first every binding is
    /// removed when <paramref name="removeAll"/> (Contact: *), then <paramref name="changes"/> in order. A shared store
    /// does it in one step (the Redis one: one script, one round trip); this default makes the single calls in turn.
    /// </summary>
    async ValueTask<IReadOnlyList<SipBinding>> UpdateAsync(string addressOfRecord, bool removeAll, IReadOnlyList<SipBindingChange> changes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (removeAll)
        {
            await RemoveAllAsync(addressOfRecord, cancellationToken).ConfigureAwait(false);
        }

        foreach (var change in changes)
        {
            if (change.Binding is { } binding)
            {
                await SetBindingAsync(binding, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RemoveBindingAsync(addressOfRecord, change.Contact, cancellationToken).ConfigureAwait(false);
            }
        }

        return await GetBindingsAsync(addressOfRecord, cancellationToken).ConfigureAwait(false);
    }
}
