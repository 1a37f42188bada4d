using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Diagnostics;

/// <summary>
/// Source-generated log messages of the SIP stack (event ids 3001-3099). Each method checks <c>IsEnabled</c> before
/// formatting and takes typed arguments (no boxing at the call site), so a disabled level costs one call and no
/// allocation on the receive path.
/// </summary>
internal static partial class SipLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Malformed SIP message from {Remote} dropped: {Status} {Reason}")]
    public static partial void MalformedDropped(ILogger logger, SipEndPoint remote, int status, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Malformed SIP request from {Remote} answered {Status}: {Reason}")]
    public static partial void MalformedAnswered(ILogger logger, SipEndPoint remote, int status, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Unparseable SIP message from {Remote}")]
    public static partial void ParserFailed(ILogger logger, Exception exception, SipEndPoint remote);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "SIP UDP receive on {Local} failed: {SocketError}")]
    public static partial void UdpReceiveFailed(ILogger logger, IPEndPoint local, System.Net.Sockets.SocketError socketError);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "SIP send to {Destination} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, SipEndPoint destination);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "SIP TCP accept on {Local} failed: {SocketError}")]
    public static partial void AcceptFailed(ILogger logger, IPEndPoint local, System.Net.Sockets.SocketError socketError);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Reply to malformed SIP request for {Remote} could not be sent")]
    public static partial void ReplyFailed(ILogger logger, Exception exception, SipEndPoint remote);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "SIP TCP connection from {Remote} closed: {Reason}")]
    public static partial void TcpFramingError(ILogger logger, SipEndPoint remote, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "SIP message from {Remote} could not be processed")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception, SipEndPoint remote);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "SIP {Method} to {Remote} timed out (timer {Timer}), Call-ID {CallId}")]
    public static partial void ClientTransactionTimedOut(ILogger logger, string method, SipEndPoint remote, string timer, string? callId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "SIP {Method} to {Remote} failed at the transport, Call-ID {CallId}")]
    public static partial void ClientTransactionTransportError(ILogger logger, string method, SipEndPoint remote, string? callId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "No ACK from {Remote} for our {Status} to INVITE (timer H), Call-ID {CallId}")]
    public static partial void AckTimedOut(ILogger logger, SipEndPoint remote, int status, string? callId);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Error, Message = "SIP {Method} request failed in the UA core, Call-ID {CallId}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string? callId);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error, Message = "SIP {Method} handler failed, Call-ID {CallId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string? callId);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Debug, Message = "REGISTER for {User} from {Remote} refused: {Reason}")]
    public static partial void RegistrarAuthFailed(ILogger logger, string user, SipEndPoint? remote, string reason);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Debug, Message = "REGISTER for {AddressOfRecord} from {Remote} challenged (stale={Stale})")]
    public static partial void RegistrarChallenged(ILogger logger, string addressOfRecord, SipEndPoint? remote, bool stale);
}
