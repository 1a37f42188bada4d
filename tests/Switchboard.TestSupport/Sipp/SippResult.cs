namespace Switchboard.TestSupport;

/// <summary>
/// How a SIPp run ended. SIPp's exit codes: 0 all calls succeeded, 1 at least one failed,
/// 97 stopped by an internal command, 99 ended without calls, 255/254 fatal error (254: cannot bind).
/// </summary>
public sealed record SippResult(int ExitCode, string StandardOutput, string StandardError, SippStatistics Statistics, string WorkingDirectory)
{
    /// <summary>Exit code 0 and no failed call.</summary>
    public bool Succeeded => ExitCode == 0 && Statistics.FailedCalls == 0;

    /// <summary>A short text for assertion messages.</summary>
    public override string ToString() =>
        $"sipp exit {ExitCode}, {Statistics.SuccessfulCalls} successful, {Statistics.FailedCalls} failed; stderr: {StandardError.Trim()}";
}
