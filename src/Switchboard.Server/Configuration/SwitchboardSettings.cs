using System.Globalization;
using System.Net;
using StackExchange.Redis;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The whole configuration contract, read and checked before anything starts, so that a bad setting gives one
/// clear <see cref="ConfigurationErrorException"/> naming it instead of a failure deep inside start-up.
/// </summary>
public sealed record SwitchboardSettings(
    SipOptions Sip,
    RedisOptions Redis,
    DialplanOptions Dialplan,
    ApiOptions Api,
    WebOptions Web,
    ListenUrl ApiListen,
    ListenUrl WebListen)
{
    /// <summary>Reads and validates every setting; relative paths are resolved against <paramref name="workingDirectory"/>.</summary>
    public static SwitchboardSettings Read(IConfiguration configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sip = ReadSip(configuration);
        var redis = ReadRedis(configuration);
        var dialplan = ReadDialplan(configuration, workingDirectory);
        var api = new ApiOptions { Url = configuration["Api:Url"] ?? new ApiOptions().Url };
        var web = new WebOptions { Url = configuration["Web:Url"] ?? new WebOptions().Url };
        var apiListen = ListenUrl.Parse("Api:Url", api.Url);
        var webListen = ListenUrl.Parse("Web:Url", web.Url);
        if (apiListen.EndPoint.Port == webListen.EndPoint.Port)
        {
            throw new ConfigurationErrorException("Web:Url", $"uses port {webListen.EndPoint.Port}, the same as Api:Url; give each its own port");
        }

        return new SwitchboardSettings(sip, redis, dialplan, api, web, apiListen, webListen);
    }

    private static SipOptions ReadSip(IConfiguration configuration)
    {
        var sip = new SipOptions();
        var bind = configuration["Sip:BindAddress"];
        if (bind is not null)
        {
            if (!IPAddress.TryParse(bind.Trim(), out var address))
            {
                throw new ConfigurationErrorException("Sip:BindAddress", $"'{bind}' is not an IP address (use 0.0.0.0 for all interfaces)");
            }

            sip.BindAddress = address.ToString();
        }

        var port = configuration["Sip:Port"];
        if (port is not null)
        {
            if (!int.TryParse(port.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            {
                throw new ConfigurationErrorException("Sip:Port", $"'{port}' is not a port number (1-65535)");
            }

            sip.Port = value;
        }

        var publicAddress = configuration["Sip:PublicAddress"];
        if (!string.IsNullOrWhiteSpace(publicAddress))
        {
            var trimmed = publicAddress.Trim();
            if (Uri.CheckHostName(trimmed) == UriHostNameType.Unknown)
            {
                throw new ConfigurationErrorException("Sip:PublicAddress", $"'{publicAddress}' is not an IP address or host name");
            }

            sip.PublicAddress = trimmed;
        }

        var domain = configuration["Sip:Domain"];
        if (!string.IsNullOrWhiteSpace(domain))
        {
            var trimmed = domain.Trim();
            if (Uri.CheckHostName(trimmed) == UriHostNameType.Unknown)
            {
                throw new ConfigurationErrorException("Sip:Domain", $"'{domain}' is not an IP address or host name");
            }

            sip.Domain = trimmed;
        }

        SipSecurityConfiguration.Read(configuration, sip);
        return sip;
    }

    private static RedisOptions ReadRedis(IConfiguration configuration)
    {
        var redis = new RedisOptions();
        var text = configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConfigurationErrorException("Redis:Configuration", "is not set; give a StackExchange.Redis configuration string such as 127.0.0.1:6380 (./run.sh starts a Redis of its own)");
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(text);
            if (parsed.EndPoints.Count == 0)
            {
                throw new ConfigurationErrorException("Redis:Configuration", $"'{text}' names no server");
            }
        }
        catch (ArgumentException error)
        {
            throw new ConfigurationErrorException("Redis:Configuration", $"'{text}' is not a StackExchange.Redis configuration string: {error.Message}", error);
        }

        redis.Configuration = text;

        var attempts = configuration["Redis:ConnectAttempts"];
        if (attempts is not null)
        {
            if (!int.TryParse(attempts, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 100)
            {
                throw new ConfigurationErrorException("Redis:ConnectAttempts", $"'{attempts}' is not a number from 1 to 100");
            }

            redis.ConnectAttempts = value;
        }

        var delay = configuration["Redis:ConnectRetryDelay"];
        if (delay is not null)
        {
            if (!TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var value) || value < TimeSpan.Zero || value > TimeSpan.FromMinutes(1))
            {
                throw new ConfigurationErrorException("Redis:ConnectRetryDelay", $"'{delay}' is not a time span from 00:00:00 to 00:01:00");
            }

            redis.ConnectRetryDelay = value;
        }

        return redis;
    }

    private static DialplanOptions ReadDialplan(IConfiguration configuration, string workingDirectory)
    {
        var path = configuration["Dialplan:Path"];
        if (path is not null && string.IsNullOrWhiteSpace(path))
        {
            throw new ConfigurationErrorException("Dialplan:Path", "is empty; give the dialplan YAML file");
        }

        path ??= new DialplanOptions().Path;
        var full = System.IO.Path.GetFullPath(path, workingDirectory);
        if (!File.Exists(full))
        {
            throw new ConfigurationErrorException("Dialplan:Path", $"file not found: {full}");
        }

        return new DialplanOptions { Path = full };
    }
}
