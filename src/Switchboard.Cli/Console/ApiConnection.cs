using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace Switchboard.Cli.Terminal;

/// <summary>
/// The gRPC endpoint(s) and bearer token an <c>agent</c> or <c>supervisor</c> command talks to. Several endpoints are
/// the nodes of a cluster (<c>sbctl agent</c> moves to the next when one fails); other commands use the first.
/// </summary>
internal sealed record ApiConnection(IReadOnlyList<Uri> Urls, string Token)
{
    /// <summary>Default API address (the server's <c>Api:Url</c> default).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>The most endpoints one command takes.</summary>
    public const int MaxUrls = 16;

    /// <summary>The first endpoint.</summary>
    public Uri Url => Urls[0];

    public static Option<string> UrlOption() => new("--url")
    {
        Description = $"gRPC API address (default: $SB_API_URL or {DefaultUrl})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SB_API_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    /// <summary><c>--url</c> for a command that can use several nodes: repeatable, each a URL or a comma list of URLs.</summary>
    public static Option<string[]> UrlsOption() => new("--url")
    {
        Description = $"gRPC API address; for a cluster give every node (repeat --url, or a comma list): the console uses the first and moves to the next when it fails (default: $SB_API_URL or {DefaultUrl})",
        DefaultValueFactory = _ => [Environment.GetEnvironmentVariable("SB_API_URL") is { Length: > 0 } url ? url : DefaultUrl],
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> TokenOption() => new("--token")
    {
        Description = "Bearer token (default: $SB_TOKEN)",
    };

    /// <summary>Reads <c>--url</c>/<c>--token</c>; on bad input writes the reason to <paramref name="error"/> and returns null.</summary>
    public static ApiConnection? From(ParseResult parse, Option<string> url, Option<string?> token, TextWriter error) =>
        From([parse.GetValue(url) ?? DefaultUrl], parse.GetValue(token), error);

    /// <summary>Reads a repeatable <c>--url</c> (each a URL or a comma list) and <c>--token</c>; null with the reason on bad input.</summary>
    public static ApiConnection? From(ParseResult parse, Option<string[]> urls, Option<string?> token, TextWriter error) =>
        From(parse.GetValue(urls) is { Length: > 0 } given ? given : [DefaultUrl], parse.GetValue(token), error);

    private static ApiConnection? From(IEnumerable<string> urlTexts, string? tokenText, TextWriter error)
    {
        var uris = new List<Uri>();
        foreach (var urlText in urlTexts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error.WriteLine($"sbctl: bad --url '{urlText}' (expected e.g. {DefaultUrl})");
                return null;
            }

            uris.Add(uri);
        }

        if (uris.Count is 0 or > MaxUrls)
        {
            error.WriteLine($"sbctl: give 1 to {MaxUrls} --url addresses");
            return null;
        }

        if (string.IsNullOrWhiteSpace(tokenText))
        {
            tokenText = Environment.GetEnvironmentVariable("SB_TOKEN");
        }

        if (string.IsNullOrWhiteSpace(tokenText))
        {
            error.WriteLine("sbctl: no token: pass --token or set SB_TOKEN");
            return null;
        }

        return new ApiConnection(uris, tokenText.Trim());
    }

    /// <summary>A channel to <see cref="Url"/> (plain HTTP/2 for <c>http://</c>).</summary>
    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Url);

    /// <summary>The <c>authorization: Bearer</c> metadata for every call.</summary>
    public Metadata Headers() => new() { { "authorization", "Bearer " + Token } };
}
