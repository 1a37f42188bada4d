using System.Net;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Security;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// Brute-force protection of the registrar (<see cref="SipRegistrarOptions"/>): failures are counted per source address
/// and per account; past a threshold each failure opens a growing pause during which no further attempt is even checked
/// (an attacker sending guesses in parallel gets them all refused), and past another the source (or the account) is
/// locked out for a while. An account lockout does not apply to the sources the account last registered from
/// successfully, so an attacker guessing an agent's password does not lock the agent's own phone out.
/// Both tables are bounded: accounts only for names the credential store knows, sources by <see cref="SipRegistrarOptions.MaxTrackedSources"/>.
/// </summary>
public sealed class RegistrationGuard
{
    private const int GoodSourcesPerAccount = 4;

    private readonly Dictionary<IPAddress, Record> _sources = [];
    private readonly Dictionary<string, Record> _accounts = new(StringComparer.Ordinal);
    private readonly SipRegistrarOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SipSecurityEvents? _events;

    public RegistrationGuard(SipRegistrarOptions options, TimeProvider timeProvider, SipSecurityEvents? events = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _events = events;
    }

    /// <summary>
    /// Whether an attempt may be checked now: refused while the source, or the account (from a source it has not registered
    /// from before), is locked out or in the pause after a failure.
    /// </summary>
    public RegistrationVerdict Check(IPAddress? source, string username)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_sources)
        {
            var verdict = RegistrationVerdict.Allowed;
            if (source is not null && _sources.TryGetValue(source, out var s))
            {
                verdict = s.LockedUntil > now ? RegistrationVerdict.LockedOut : s.NotBefore > now ? RegistrationVerdict.SlowedDown : verdict;
            }

            if (verdict == RegistrationVerdict.Allowed && _accounts.TryGetValue(username, out var a) && (source is null || !a.GoodSources.Contains(source)))
            {
                verdict = a.LockedUntil > now ? RegistrationVerdict.LockedOut : a.NotBefore > now ? RegistrationVerdict.SlowedDown : verdict;
            }

            return verdict;
        }
    }

    /// <summary>Counts a failure and returns the pause it opens (zero below the threshold). <paramref name="knownAccount"/>: only real accounts are tracked.</summary>
    public TimeSpan RecordFailure(IPAddress? source, string username, bool knownAccount)
    {
        var now = _timeProvider.GetUtcNow();
        var failures = 0;
        Record? sourceRecord = null;
        Record? accountRecord = null;
        lock (_sources)
        {
            if (source is not null)
            {
                if (!_sources.TryGetValue(source, out var s))
                {
                    MakeRoom(now);
                    s = new Record();
                    _sources[source] = s;
                }

                sourceRecord = s;
                failures = Count(s, now);
                if (failures == _options.SourceLockoutAfterFailures)
                {
                    s.LockedUntil = now + _options.LockoutDuration;
                    _events?.SourceLockedOut(source, _options.LockoutDuration, failures);
                }
            }

            if (knownAccount)
            {
                if (!_accounts.TryGetValue(username, out var a))
                {
                    a = new Record();
                    _accounts[username] = a;
                }

                accountRecord = a;
                var accountFailures = Count(a, now);
                if (accountFailures == _options.AccountLockoutAfterFailures)
                {
                    a.LockedUntil = now + _options.LockoutDuration;
                    _events?.AccountLockedOut(source, _options.LockoutDuration, accountFailures, AccountTag(username));
                }

                failures = Math.Max(failures, accountFailures);
            }

            if (failures < _options.SlowDownAfterFailures)
            {
                return TimeSpan.Zero;
            }

            var doublings = Math.Min(failures - _options.SlowDownAfterFailures, 16);
            var pause = TimeSpan.FromTicks(Math.Min(_options.FailureDelay.Ticks << doublings, _options.MaxFailureDelay.Ticks));
            sourceRecord?.NotBefore = now + pause;
            accountRecord?.NotBefore = now + pause;
            return pause;
        }
    }

    /// <summary>A successful registration: the source's failures are forgotten and it becomes one of the account's own sources.</summary>
    public void RecordSuccess(IPAddress? source, string username)
    {
        if (source is null)
        {
            return;
        }

        lock (_sources)
        {
            _sources.Remove(source);
            if (!_accounts.TryGetValue(username, out var a))
            {
                a = new Record();
                _accounts[username] = a;
            }

            a.GoodSources.Remove(source);
            a.GoodSources.Add(source);
            if (a.GoodSources.Count > GoodSourcesPerAccount)
            {
                a.GoodSources.RemoveAt(0);
            }
        }
    }

    /// <summary>A short, stable tag for an account in logs (not the name itself): the first 8 hex digits of SHA-256(name).</summary>
    public static string AccountTag(string username) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username)))[..8];

    private int Count(Record record, DateTimeOffset now)
    {
        if (now - record.LastFailure > _options.FailureWindow && record.LockedUntil <= now)
        {
            record.Failures = 0;
        }

        record.LastFailure = now;
        return ++record.Failures;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_sources.Count < _options.MaxTrackedSources)
        {
            return;
        }

        foreach (var stale in _sources.Where(p => p.Value.LockedUntil <= now && now - p.Value.LastFailure > _options.FailureWindow).Select(p => p.Key).ToList())
        {
            _sources.Remove(stale);
        }

        if (_sources.Count >= _options.MaxTrackedSources)
        {
            var oldest = _sources.MinBy(p => p.Value.LastFailure).Key;
            _sources.Remove(oldest);
        }
    }

    private sealed class Record
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        public DateTimeOffset NotBefore { get; set; }

        public List<IPAddress> GoodSources { get; } = [];
    }
}
