namespace Switchboard.Server.Configuration;

/// <summary>The <c>Web</c> section: HTTP/1.1 pages, <c>/metrics</c> and <c>/healthz</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary><c>Web:Url</c>, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";
}
