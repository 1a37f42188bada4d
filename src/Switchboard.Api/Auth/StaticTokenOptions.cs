using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Auth;

/// <summary>
/// One static bearer key (<c>Api:Tokens:&lt;n&gt;</c>). Put the secret in an environment variable or secret
/// store (e.g. <c>Api__Tokens__0__Token</c>), never in a file under git.
/// </summary>
public sealed class StaticTokenOptions : IValidatableObject
{
    /// <summary>The secret bearer token (at least 16 characters).</summary>
    public string Token { get; set; } = "";

    /// <summary>Who the token stands for; for agents, the agent id.</summary>
    public string Subject { get; set; } = "";

    /// <summary><c>agent</c> or <c>supervisor</c>.</summary>
    public string Role { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The display name is "<path>.Validate", e.g. "Api.Tokens[0].Validate": messages start with the key's path.
        var path = validationContext.DisplayName[..validationContext.DisplayName.LastIndexOf('.')];
        if (Token.Length < 16)
        {
            yield return new ValidationResult($"{path}.Token must be at least 16 characters", [nameof(Token)]);
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            yield return new ValidationResult($"{path}.Subject must be set (the agent id or supervisor name)", [nameof(Subject)]);
        }

        if (Role is not (ApiRoles.Agent or ApiRoles.Supervisor))
        {
            yield return new ValidationResult($"{path}.Role must be '{ApiRoles.Agent}' or '{ApiRoles.Supervisor}'", [nameof(Role)]);
        }
    }
}
