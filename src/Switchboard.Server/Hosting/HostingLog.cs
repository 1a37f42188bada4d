namespace Switchboard.Server.Hosting;

/// <summary>Log messages of the host.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Switchboard listening: SIP udp+tcp {Sip}, gRPC {Api}, web {Web}; dialplan {Dialplan}")]
    public static partial void Listening(ILogger logger, string sip, string api, string web, string dialplan);
}
