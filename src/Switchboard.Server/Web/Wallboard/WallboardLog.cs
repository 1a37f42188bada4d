namespace Switchboard.Server.Web.Wallboard;

/// <summary>Log messages of the wallboard.</summary>
internal static partial class WallboardLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Wallboard: {Subject} signed in")]
    public static partial void SignedIn(ILogger logger, string subject);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Wallboard: sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Wallboard: live figures unavailable: {Reason}")]
    public static partial void FiguresUnavailable(ILogger logger, string reason);
}
