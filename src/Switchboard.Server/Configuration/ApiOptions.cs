namespace Switchboard.Server.Configuration;

/// <summary>The <c>Api</c> section: the gRPC endpoint (HTTP/2 without TLS, for local use or behind a proxy).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary><c>Api:Url</c>, e.g. <c>http://127.0.0.1:5090</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5090";
}
