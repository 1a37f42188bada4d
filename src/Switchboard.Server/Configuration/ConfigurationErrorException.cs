namespace Switchboard.Server.Configuration;

/// <summary>
/// A setting that keeps Switchboard from starting. The host prints it as one line naming the setting
/// (<c>Sip:Port: ...</c>) and exits non-zero, without a stack trace.
/// </summary>
public sealed class ConfigurationErrorException : Exception
{
    public ConfigurationErrorException(string setting, string message, Exception? innerException = null)
        : base($"{setting}: {message}", innerException)
    {
        Setting = setting;
    }

    public ConfigurationErrorException()
        : this("(unknown)", "configuration error")
    {
    }

    public ConfigurationErrorException(string message)
        : this("(unknown)", message)
    {
    }

    public ConfigurationErrorException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    /// <summary>The setting at fault, in its configuration-key form (<c>Sip:Port</c>).</summary>
    public string Setting { get; }
}
