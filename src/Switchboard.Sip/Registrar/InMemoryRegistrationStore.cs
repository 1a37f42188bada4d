using System.Collections.Concurrent;

namespace Switchboard.Sip.Registrar;

/// <summary>A single-node <see cref="IRegistrationStore"/>; expiry is checked against the injected clock.</summary>
public sealed class InMemoryRegistrationStore(TimeProvider timeProvider) : IRegistrationStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SipBinding>> _bindings = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<IReadOnlyList<SipBinding>> GetBindingsAsync(string addressOfRecord, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        IReadOnlyList<SipBinding> list = _bindings.TryGetValue(addressOfRecord, out var map)
            ? map.Values.Where(b => b.ExpiresAt > now).OrderBy(b => b.Contact, StringComparer.Ordinal).ToList()
            : [];
        return ValueTask.FromResult(list);
    }

    public ValueTask SetBindingAsync(SipBinding binding, CancellationToken cancellationToken = default)
    {
        _bindings.GetOrAdd(binding.AddressOfRecord, _ => new ConcurrentDictionary<string, SipBinding>(StringComparer.Ordinal))[binding.Contact] = binding;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveBindingAsync(string addressOfRecord, string contact, CancellationToken cancellationToken = default)
    {
        if (_bindings.TryGetValue(addressOfRecord, out var map))
        {
            map.TryRemove(contact, out _);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAllAsync(string addressOfRecord, CancellationToken cancellationToken = default)
    {
        _bindings.TryRemove(addressOfRecord, out _);
        return ValueTask.CompletedTask;
    }
}
