namespace Switchboard.Api.Auth;

/// <summary>
/// One static bearer key (<c>Api:Tokens:&lt;n&gt;</c>). Put the secret in an environment variable or secret
/// store (e.g. <c>Api__Tokens__0__Token</c>), never in a file under git.
/// </summary>
public sealed class StaticTokenOptions
{
    /// <summary>The secret bearer token (at least 16 characters).</summary>
    public string Token { get; set; } = "";

    /// <summary>Who the token stands for; for agents, the agent id.</summary>
    public string Subject { get; set; } = "";

    /// <summary><c>agent</c> or <c>supervisor</c>.</summary>
    public string Role { get; set; } = "";
}
