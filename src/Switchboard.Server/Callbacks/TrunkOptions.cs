namespace Switchboard.Server.Callbacks;

/// <summary>The outbound SIP trunk callbacks are dialled through (configuration section <c>Trunk</c>).</summary>
public sealed record TrunkOptions
{
    /// <summary>The trunk's SIP URI (RFC 3261 §19.1), e.g. <c>sip:trunk.example.se:5060</c>; the number becomes the user part.</summary>
    public string Uri { get; init; } = string.Empty;

    /// <summary>Digest user name (RFC 8760/RFC 3261 §22) when the trunk challenges.</summary>
    public string? Username { get; init; }

    /// <summary>Digest password.</summary>
    public string? Password { get; init; }

    /// <summary>The caller ID presented to the citizen (E.164), e.g. the municipality's switchboard number.</summary>
    public string CallerId { get; init; } = string.Empty;

    /// <summary>Prompt played to the citizen on answer, before bridging.</summary>
    public string HelloPrompt { get; init; } = "callback_hello";

    /// <summary>Longest time one dial attempt (agent leg + citizen leg ringing) may take before it counts as no answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the agent's phone rings before the attempt is given up (the callback keeps its place).</summary>
    public TimeSpan AgentRingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the citizen's phone rings before the attempt counts as no answer (CANCEL is sent).</summary>
    public TimeSpan CitizenRingTimeout { get; init; } = TimeSpan.FromSeconds(45);
}
