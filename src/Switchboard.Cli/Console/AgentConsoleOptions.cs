using Switchboard.Api.Agent.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>What <c>sbctl agent</c> was started with: the sign-in profile (optional) and the scripted-use flags.</summary>
internal sealed record AgentConsoleOptions
{
    /// <summary>Optional agent id; must equal the token subject.</summary>
    public string? AgentId { get; init; }

    /// <summary>Sign in with this profile at start; null: the agent is already signed in (or signs in later).</summary>
    public SignInRequest? SignIn { get; init; }

    /// <summary>Accept every offer at once.</summary>
    public bool AutoAccept { get; init; }

    /// <summary>End every wrap-up at once with this outcome; null: wait for <c>wrapup</c>.</summary>
    public Outcome? AutoWrapUp { get; init; }

    /// <summary>Go ready at start (after signing in, if any).</summary>
    public bool Ready { get; init; }

    /// <summary>Exit after this many calls ended (and wrapped up, with <see cref="AutoWrapUp"/>); null: run until <c>quit</c>.</summary>
    public int? ExitAfterCalls { get; init; }

    /// <summary>Sign out when the console exits (default when it signed in).</summary>
    public bool SignOutOnExit { get; init; }
}
