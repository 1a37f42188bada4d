namespace Switchboard.Server.Web.Wallboard;

/// <summary>Log messages of the wallboard (sign-in and sessions are security events: <c>WebSecurityLog</c>).</summary>
internal static partial class WallboardLog
{
    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Wallboard: live figures unavailable: {Reason}")]
    public static partial void FiguresUnavailable(ILogger logger, string reason);
}
