namespace Switchboard.Calls.Effects;

/// <summary>
/// An effect on the store (the ACD in Redis) whose answer decides what comes next. The executor carries it out and hands
/// the reply event to the flow before any other event (so nothing can overtake it); when the store is unavailable the
/// reply says so.
/// </summary>
public abstract record StoreRequest : CallEffect;
