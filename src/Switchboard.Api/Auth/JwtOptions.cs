using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Auth;

/// <summary>
/// HMAC-signed JWTs (<c>Api:Jwt</c>): HS256/384/512 with <see cref="SigningKey"/>, <c>sub</c> = subject,
/// <c>role</c> = one role or an array, <c>exp</c> required.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    /// <summary>Shared HMAC key (at least 32 bytes of UTF-8). Empty disables JWTs.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Required <c>iss</c>.</summary>
    public string Issuer { get; set; } = "switchboard";

    /// <summary>Required <c>aud</c>.</summary>
    public string Audience { get; set; } = "switchboard-api";

    /// <summary>Allowed clock skew for <c>exp</c>/<c>nbf</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var path = validationContext.DisplayName[..validationContext.DisplayName.LastIndexOf('.')];
        if (SigningKey.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            yield return new ValidationResult($"{path}.SigningKey must be at least 32 bytes", [nameof(SigningKey)]);
        }
    }
}
