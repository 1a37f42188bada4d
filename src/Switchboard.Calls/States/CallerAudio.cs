namespace Switchboard.Calls.States;

/// <summary>What the caller hears now (with the call state, the whole of what the flow remembers).</summary>
public abstract record CallerAudio
{
    /// <summary>Nothing plays.</summary>
    public static CallerAudio Silence { get; } = new SilenceAudio();
}
