namespace Switchboard.Api.Auth;

/// <summary>Authentication settings, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiAuthOptions
{
    /// <summary>Static bearer keys.</summary>
    public List<StaticTokenOptions> Tokens { get; set; } = [];

    /// <summary>Signed JWT settings.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Throws <see cref="InvalidOperationException"/> with a clear message for unusable settings.</summary>
    public void Validate()
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Token.Length < 16)
            {
                throw new InvalidOperationException($"Api:Tokens:{i}:Token must be at least 16 characters.");
            }

            if (string.IsNullOrWhiteSpace(token.Subject))
            {
                throw new InvalidOperationException($"Api:Tokens:{i}:Subject is required.");
            }

            if (token.Role is not (ApiRoles.Agent or ApiRoles.Supervisor))
            {
                throw new InvalidOperationException($"Api:Tokens:{i}:Role must be '{ApiRoles.Agent}' or '{ApiRoles.Supervisor}', not '{token.Role}'.");
            }
        }

        if (Jwt.SigningKey.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(Jwt.SigningKey) < 32)
        {
            throw new InvalidOperationException("Api:Jwt:SigningKey must be at least 32 bytes.");
        }
    }
}
