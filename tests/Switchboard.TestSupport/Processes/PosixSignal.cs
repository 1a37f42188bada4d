using System.Runtime.InteropServices;

namespace Switchboard.TestSupport;

/// <summary>Sends POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
public static partial class PosixSignal
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false when it is gone.</summary>
    public static bool Send(int processId, int signal) => NativeMethods.Kill(processId, signal) == 0;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int sig);
    }
}
