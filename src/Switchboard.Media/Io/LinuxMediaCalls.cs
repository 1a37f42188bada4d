using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Io;

/// <summary>
/// The Linux system calls the media threads use and .NET does not wrap (epoll(7), recvmmsg(2), eventfd(2)), or wraps
/// in more layers than a 20 ms frame needs (sendto(2)), with the x86-64 layouts of their structures. Only
/// <see cref="EpollMediaReceiver"/> and the sessions of an engine using it call them, and only where
/// <see cref="IsSupported"/>; everywhere else the portable receiver (one async loop per socket) and Socket.SendTo run.
/// </summary>
internal static unsafe partial class LinuxMediaCalls
{
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const int EpollCloexec = 0x80000;
    public const int MsgDontWait = 0x40;
    public const int MsgTrunc = 0x20;
    public const int EfdNonBlock = 0x800;
    public const int EfdCloexec = 0x80000;
    public const int EIntr = 4;

    /// <summary>True on 64-bit x86 Linux, the layout the structures below are written for.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epoll, int operation, int fd, EpollEvent* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epoll, EpollEvent* events, int maxEvents, int timeoutMilliseconds);

    /// <summary>Receives up to <paramref name="count"/> datagrams in one call; the handle is held for the call, so a socket closed meanwhile cannot hand its number to another.</summary>
    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMmsg(SafeSocketHandle socket, MMsgHdr* messages, uint count, int flags, void* timeout);

    /// <summary>
    /// Sends one datagram to <paramref name="address"/> (a native sockaddr, e.g. a SocketAddress's buffer); the handle
    /// is held for the call. Returns the bytes sent, or -1 (errno: EAGAIN when the send buffer is full, ECONNREFUSED
    /// after an ICMP port unreachable...).
    /// </summary>
    [LibraryImport("libc", EntryPoint = "sendto", SetLastError = false)]
    public static partial nint SendTo(SafeSocketHandle socket, byte* buffer, nuint length, int flags, byte* address, uint addressLength);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>struct epoll_event: packed on x86-64 (12 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct mmsghdr: a struct msghdr and the received length (64 bytes on x86-64).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct MMsgHdr
    {
        [FieldOffset(0)] public void* Name;
        [FieldOffset(8)] public uint NameLength;
        [FieldOffset(16)] public IoVec* Iov;
        [FieldOffset(24)] public nuint IovLength;
        [FieldOffset(32)] public void* Control;
        [FieldOffset(40)] public nuint ControlLength;
        [FieldOffset(48)] public int Flags;
        [FieldOffset(56)] public uint Length;
    }
}
