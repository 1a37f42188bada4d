using Microsoft.Extensions.Options;

namespace Switchboard.Api.Auth;

/// <summary>Authentication settings, bound from the <c>Api</c> configuration section and checked by <see cref="ApiAuthOptionsValidator"/>.</summary>
public sealed class ApiAuthOptions
{
    /// <summary>Static bearer keys.</summary>
    [ValidateEnumeratedItems]
    public List<StaticTokenOptions> Tokens { get; set; } = [];

    /// <summary>Signed JWT settings.</summary>
    [ValidateObjectMembers]
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>
    /// Runs <see cref="ApiAuthOptionsValidator"/>; throws <see cref="InvalidOperationException"/> naming the first
    /// unusable setting (<c>Api.Tokens[0].Token must be at least 16 characters</c>).
    /// </summary>
    public void Validate()
    {
        var result = new ApiAuthOptionsValidator().Validate("Api", this);
        if (result.Failed)
        {
            throw new InvalidOperationException(result.Failures.First());
        }
    }
}
