using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Support;

/// <summary>Ports handed to one test process are claimed against every other one (several test runs at once).</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void A_handed_out_block_is_locked_against_other_processes_until_this_one_ends()
    {
        var port = LoopbackPorts.FreeTcp();
        var claim = Path.Combine(Path.GetTempPath(), "switchboard-test-ports", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Another process opening the claim file exclusively (as its LoopbackPorts would) is refused: the lock is an
        // flock on the file, which a second open file description conflicts with, in this process or any other.
        Assert.Throws<IOException>(() => new FileStream(claim, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None).Dispose());
    }

    [Fact]
    public void Blocks_handed_out_in_one_process_do_not_overlap()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => LoopbackPorts.FreeUdpAndTcp()).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.DoesNotContain(ports, q => q != p && Math.Abs(q - p) < LoopbackPorts.Block));
    }
}
