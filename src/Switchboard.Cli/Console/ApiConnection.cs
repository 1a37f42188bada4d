using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace Switchboard.Cli.Terminal;

/// <summary>The gRPC endpoint and bearer token an <c>agent</c> or <c>supervisor</c> command talks to.</summary>
internal sealed record ApiConnection(Uri Url, string Token)
{
    /// <summary>Default API address (the server's <c>Api:Url</c> default).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static Option<string> UrlOption() => new("--url")
    {
        Description = $"gRPC API address (default: $SB_API_URL or {DefaultUrl})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SB_API_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public static Option<string?> TokenOption() => new("--token")
    {
        Description = "Bearer token (default: $SB_TOKEN)",
    };

    /// <summary>Reads <c>--url</c>/<c>--token</c>; on bad input writes the reason to <paramref name="error"/> and returns null.</summary>
    public static ApiConnection? From(ParseResult parse, Option<string> url, Option<string?> token, TextWriter error)
    {
        var urlText = parse.GetValue(url) ?? DefaultUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error.WriteLine($"sbctl: bad --url '{urlText}' (expected e.g. {DefaultUrl})");
            return null;
        }

        var tokenText = parse.GetValue(token);
        if (string.IsNullOrWhiteSpace(tokenText))
        {
            tokenText = Environment.GetEnvironmentVariable("SB_TOKEN");
        }

        if (string.IsNullOrWhiteSpace(tokenText))
        {
            error.WriteLine("sbctl: no token: pass --token or set SB_TOKEN");
            return null;
        }

        return new ApiConnection(uri, tokenText.Trim());
    }

    /// <summary>A channel to <see cref="Url"/> (plain HTTP/2 for <c>http://</c>).</summary>
    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Url);

    /// <summary>The <c>authorization: Bearer</c> metadata for every call.</summary>
    public Metadata Headers() => new() { { "authorization", "Bearer " + Token } };
}
