using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Tracing</c> section: OpenTelemetry traces of every call, sent over OTLP when <see cref="OtlpEndpoint"/> is
/// set; with no endpoint nothing is traced (no listener, no span is created). Checked by <see cref="TracingOptionsValidator"/>.
/// </summary>
public sealed class TracingOptions : IValidatableObject
{
    public const string Section = "Tracing";

    /// <summary>The two OTLP protocols the exporter speaks.</summary>
    public static readonly IReadOnlyList<string> Protocols = ["grpc", "http/protobuf"];

    /// <summary>
    /// <c>Tracing:OtlpEndpoint</c>: the collector, e.g. <c>http://127.0.0.1:4318</c> (http/protobuf; <c>/v1/traces</c> is
    /// added when the path is empty) or <c>http://127.0.0.1:4317</c> (grpc). Empty (default): tracing off.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Tracing:OtlpProtocol</c>: <c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary><c>Tracing:ServiceName</c>: <c>service.name</c> of the spans (default <c>switchboard</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ServiceName { get; set; } = "switchboard";

    /// <summary><c>Tracing:SampleRatio</c>: share of calls traced, 0 to 1 (default 1: every call).</summary>
    [Range(0.0, 1.0)]
    public double SampleRatio { get; set; } = 1.0;

    /// <summary>Whether an endpoint is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("is not an http(s) URL (e.g. http://127.0.0.1:4318)", [nameof(OtlpEndpoint)]);
        }

        if (!Protocols.Contains(OtlpProtocol))
        {
            yield return new ValidationResult($"is not one of {string.Join(", ", Protocols)}", [nameof(OtlpProtocol)]);
        }
    }
}
