namespace Switchboard.Sip.Transactions;

/// <summary>Timer values of RFC 3261 §17.1.1.1 and Table 4: T1 (RTT estimate), T2 (max non-INVITE retransmit interval), T4 (max message lifetime).</summary>
public sealed record SipTimerOptions
{
    public static readonly SipTimerOptions Default = new();

    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>64*T1: timers B, F, H, J (and L, M of RFC 6026).</summary>
    public TimeSpan TransactionTimeout => T1 * 64;
}
