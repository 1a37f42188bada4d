using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Api</c> section's listening address: the gRPC endpoint (HTTP/2 without TLS, for local use or behind a proxy).
/// The section's authentication and report settings are bound by <c>Switchboard.Api</c>'s own option types.
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";

    /// <summary><c>Api:Url</c>, e.g. <c>http://127.0.0.1:5090</c> (<see cref="ListenUrl"/>).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5090";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ListenUrl.Check(Url, nameof(Url));
}
