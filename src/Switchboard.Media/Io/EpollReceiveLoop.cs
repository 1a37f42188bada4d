using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using static Switchboard.Media.Io.LinuxMediaCalls;

namespace Switchboard.Media.Io;

/// <summary>
/// One media receive thread: an epoll set of UDP sockets (level-triggered) and an eventfd that wakes it to stop. For
/// each ready socket it takes up to <see cref="Batch"/> datagrams with one recvmmsg (non-blocking) into buffers
/// allocated once, and calls the socket's handler for each, on this thread. A socket with more waiting is simply
/// reported ready again, so one busy socket cannot starve the others.
/// </summary>
/// <remarks>
/// An event names its registration by slot and generation, so an event still queued for a socket that was removed
/// (and whose slot was reused) is ignored; recvmmsg holds the socket's handle for the call, so a socket closed meanwhile
/// cannot pass its descriptor number to another one. <see cref="EpollRegistration.DisposeAsync"/> waits until the
/// thread is no longer in that registration's handler.
/// </remarks>
internal sealed unsafe class EpollReceiveLoop : IDisposable
{
    /// <summary>Datagrams taken per recvmmsg call.</summary>
    public const int Batch = 16;

    private const int BufferSize = 2048;
    private const int NameSize = 128; // sizeof(struct sockaddr_storage)
    private const int MaxEvents = 256;
    private const ulong WakeToken = ulong.MaxValue;

    private readonly ReceiveErrorCounter _errors;
    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly Stack<int> _freeSlots = new();
    // One per family, each exactly its sockaddr's size: SocketAddress compares and copies its whole buffer.
    private readonly SocketAddress _fromV4 = new(AddressFamily.InterNetwork);
    private readonly SocketAddress _fromV6 = new(AddressFamily.InterNetworkV6);
    private readonly EpollEvent* _events;
    private readonly MMsgHdr* _messages;
    private readonly IoVec* _vectors;
    private readonly byte* _buffers;
    private readonly byte* _names;
    private EpollRegistration?[] _slots = new EpollRegistration?[64];
    private int _used;
    private uint _generation;
    private volatile bool _stopping;
    private int _disposed;

    public EpollReceiveLoop(string name, ReceiveErrorCounter? errors = null)
    {
        _errors = errors ?? new();
        _epoll = EpollCreate(EpollCloexec);
        if (_epoll < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _wake = EventFd(0, EfdNonBlock | EfdCloexec);
        if (_wake < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            _ = Close(_epoll);
            throw new SocketException(error);
        }

        var wake = new EpollEvent { Events = EpollIn, Data = WakeToken };
        _ = EpollCtl(_epoll, EpollCtlAdd, _wake, &wake);
        _events = (EpollEvent*)NativeMemory.AllocZeroed(MaxEvents, (nuint)sizeof(EpollEvent));
        _messages = (MMsgHdr*)NativeMemory.AllocZeroed(Batch, (nuint)sizeof(MMsgHdr));
        _vectors = (IoVec*)NativeMemory.AllocZeroed(Batch, (nuint)sizeof(IoVec));
        _buffers = (byte*)NativeMemory.Alloc(Batch * BufferSize);
        _names = (byte*)NativeMemory.AllocZeroed(Batch * NameSize);
        for (var i = 0; i < Batch; i++)
        {
            _vectors[i].Base = _buffers + (i * BufferSize);
            _vectors[i].Length = BufferSize;
            _messages[i].Iov = _vectors + i;
            _messages[i].IovLength = 1;
            _messages[i].Name = _names + (i * NameSize);
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Adds <paramref name="socket"/> to this thread's set.</summary>
    public IAsyncDisposable Register(Socket socket, DatagramHandler handler)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        EpollRegistration registration;
        lock (_gate)
        {
            if (!_freeSlots.TryPop(out var slot))
            {
                if (_used == _slots.Length)
                {
                    var grown = new EpollRegistration?[_slots.Length * 2];
                    _slots.AsSpan().CopyTo(grown);
                    Volatile.Write(ref _slots, grown);
                }

                slot = _used++;
            }

            registration = new EpollRegistration(this, socket, handler, slot, ++_generation);
            Volatile.Write(ref _slots[slot], registration);
        }

        var ev = new EpollEvent { Events = EpollIn, Data = ((ulong)registration.Generation << 32) | (uint)registration.Slot };
        var added = false;
        var handle = socket.SafeHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            if (EpollCtl(_epoll, EpollCtlAdd, (int)handle.DangerousGetHandle(), &ev) != 0)
            {
                throw new SocketException(Marshal.GetLastPInvokeError());
            }
        }
        catch
        {
            Release(registration);
            throw;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return registration;
    }

    /// <summary>Removes a registration from the set and frees its slot (<see cref="EpollRegistration.DisposeAsync"/>).</summary>
    internal void Remove(EpollRegistration registration)
    {
        var handle = registration.Socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            _ = EpollCtl(_epoll, EpollCtlDel, (int)handle.DangerousGetHandle(), null);
        }
        catch (ObjectDisposedException)
        {
            // Closed already: the kernel dropped it from the set with its last reference.
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        Release(registration);
    }

    /// <summary>True on this loop's own thread (a handler disposing its own registration must not wait for itself).</summary>
    internal bool OnLoopThread => Thread.CurrentThread == _thread;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        ulong one = 1;
        _ = Write(_wake, &one, sizeof(ulong));
        if (!OnLoopThread)
        {
            _thread.Join();
        }

        _ = Close(_epoll);
        _ = Close(_wake);
        NativeMemory.Free(_events);
        NativeMemory.Free(_messages);
        NativeMemory.Free(_vectors);
        NativeMemory.Free(_buffers);
        NativeMemory.Free(_names);
    }

    private void Release(EpollRegistration registration)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_slots[registration.Slot], registration))
            {
                Volatile.Write(ref _slots[registration.Slot], null);
                _freeSlots.Push(registration.Slot);
            }
        }
    }

    private void Run()
    {
        while (!_stopping)
        {
            var ready = EpollWait(_epoll, _events, MaxEvents, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == EIntr)
                {
                    continue;
                }

                return;
            }

            for (var i = 0; i < ready && !_stopping; i++)
            {
                var data = _events[i].Data;
                if (data == WakeToken)
                {
                    ulong value;
                    _ = Read(_wake, &value, sizeof(ulong));
                    continue;
                }

                var slots = Volatile.Read(ref _slots);
                var slot = (int)(uint)data;
                if ((uint)slot >= (uint)slots.Length || Volatile.Read(ref slots[slot]) is not { } registration || registration.Generation != (uint)(data >> 32))
                {
                    continue;
                }

                if (registration.Enter())
                {
                    try
                    {
                        Drain(registration);
                    }
                    finally
                    {
                        registration.Leave();
                    }
                }
            }
        }
    }

    private void Drain(EpollRegistration registration)
    {
        for (var i = 0; i < Batch; i++)
        {
            _messages[i].NameLength = NameSize;
            _messages[i].Flags = 0;
        }

        int received;
        try
        {
            received = RecvMmsg(registration.Socket.SafeHandle, _messages, Batch, MsgDontWait, null);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        for (var i = 0; i < received; i++)
        {
            ref var message = ref _messages[i];
            var from = message.NameLength == _fromV4.Size ? _fromV4 : message.NameLength == _fromV6.Size ? _fromV6 : null;
            if ((message.Flags & MsgTrunc) != 0 || from is null)
            {
                continue; // larger than any RTP/RTCP packet we take, or not an IP source
            }

            new ReadOnlySpan<byte>(message.Name, (int)message.NameLength).CopyTo(from.Buffer.Span);
            try
            {
                registration.Handler(new ReadOnlySpan<byte>(_buffers + (i * BufferSize), (int)message.Length), from);
            }
#pragma warning disable CA1031 // A failing handler must not stop the thread every other call's media runs on.
            catch (Exception)
#pragma warning restore CA1031
            {
                _errors.Increment();
            }
        }
    }
}
