using System.Runtime.InteropServices;

namespace Switchboard.Server.Hosting;

/// <summary>
/// The host lifetime in place of the console one: SIGTERM (docker stop, systemd, a supervisor) asks
/// <see cref="NodeDrain"/> to drain; SIGINT (Ctrl+C), SIGQUIT and a second SIGTERM stop at once.
/// </summary>
public sealed class DrainingHostLifetime(NodeDrain drain, IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStop));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnStop));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        drain.Request();
    }

    private void OnStop(PosixSignalContext context)
    {
        context.Cancel = true;
        lifetime.StopApplication();
    }
}
