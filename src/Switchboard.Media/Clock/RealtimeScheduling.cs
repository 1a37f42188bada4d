using System.Runtime.InteropServices;

namespace Switchboard.Media.Clock;

/// <summary>
/// Puts the calling thread under the Linux real-time FIFO policy (sched(7), <c>sched_setscheduler</c> with pid 0 =
/// the calling thread), so the media clock is not pre-empted in the middle of a tick by ordinary threads (socket
/// completions, SIP, Redis). Needs CAP_SYS_NICE (root, or <c>AmbientCapabilities=CAP_SYS_NICE</c> in a systemd unit);
/// without it the call fails with EPERM and the thread keeps its normal policy. The kernel's real-time throttling
/// (<c>sched_rt_runtime_us</c>, 95 % by default) still bounds a runaway thread.
/// </summary>
internal static partial class RealtimeScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Tries to switch the calling thread to SCHED_FIFO at <paramref name="priority"/> (1-99); true on success.</summary>
    public static bool TryEnterFifo(int priority)
    {
        if (!OperatingSystem.IsLinux() || priority is < 1 or > 99)
        {
            return false;
        }

        try
        {
            var parameter = new SchedParam { Priority = priority };
            return SchedSetScheduler(0, SchedFifo, ref parameter) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sleeps the calling thread for <paramref name="duration"/> with the kernel's high-resolution timer
    /// (<c>clock_nanosleep</c> on CLOCK_MONOTONIC, relative): tens of microseconds of wake-up error instead of the
    /// millisecond rounding of timed waits. False where it is not available (then nothing was slept).
    /// </summary>
    public static bool TrySleep(TimeSpan duration)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return false;
        }

        var ticks = Math.Max(0, duration.Ticks);
        var request = new TimeSpec { Seconds = ticks / TimeSpan.TicksPerSecond, Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100 };
        try
        {
            // An interrupting signal (EINTR) ends the sleep early: the caller re-computes what is left.
            _ = ClockNanosleep(ClockMonotonic, 0, ref request, IntPtr.Zero);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int ClockMonotonic = 1;

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam parameter);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
