namespace Switchboard.Fuzzing.Tests;

/// <summary>
/// The short seeded fuzz run of the test suite (seconds): every target over its seeds (the RFC 4475 torture set and
/// captured traffic) and a few thousand mutations, plus every input that once broke a target. The long run and its
/// figures: docs/security.md, "Fuzzing".
/// </summary>
public sealed class FuzzSmokeTests
{
    private const int InputsPerTarget = 3000;

    public static TheoryData<string> Targets() => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void ShortRun_SeededMutations_NoFailure(string name)
    {
        using var target = FuzzTargets.Create(name);
        var seeds = FuzzTargets.Seeds(target);
        Assert.NotEmpty(seeds);

        var report = new FuzzRunner(target, seeds, seed: 4475).Run(InputsPerTarget);

        Assert.Equal(InputsPerTarget, report.Inputs);
        Assert.True(report.Outcomes > 10, $"{name}: only {report.Outcomes} distinct outcomes: the mutations do not reach the parser");
        Assert.Empty(report.Failures.Where(f => f.Kind != "hang").Select(f => $"{f.Kind}: {f.Detail}"));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Regressions_EveryKeptInput_NoFailure(string name)
    {
        using var target = FuzzTargets.Create(name);
        var cases = FuzzTargets.Regressions(target);

        var report = new FuzzRunner(target, cases.Select(c => c.Input), seed: 1).Run(cases.Count);

        // Time is not judged here (a loaded machine can stall any input); exceptions and allocation are.
        Assert.Empty(report.Failures.Where(f => f.Kind != "hang").Select(f => $"{f.Kind}: {f.Detail}"));
    }

    [Fact]
    public void Seeds_SipTarget_IncludeTortureSetAndCapturedTraffic()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Seeds", "sip");

        Assert.Contains(Directory.GetFiles(folder), f => Path.GetFileName(f) == "wsinv.dat");
        Assert.Contains(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith("captured-INVITE-baresip", StringComparison.Ordinal));
    }

    [Fact]
    public void Mutator_SameSeed_SameInputs()
    {
        var input = "INVITE sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n\r\n"u8.ToArray();
        List<byte> first = [];
        List<byte> second = [];
        var a = new Mutator(7);
        var b = new Mutator(7);
        for (var i = 0; i < 100; i++)
        {
            a.Mutate(input, input, [], 4096, first);
            b.Mutate(input, input, [], 4096, second);
            Assert.Equal(first, second);
        }
    }
}
