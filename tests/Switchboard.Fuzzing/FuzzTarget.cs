namespace Switchboard.Fuzzing;

/// <summary>
/// One parser (or family of readers) under fuzzing: it gets arbitrary bytes and must return without an unhandled
/// exception, a hang or an allocation out of proportion to the input. The returned outcome (a small number describing
/// what the parser decided, e.g. which error) steers the fuzzer: an input with an outcome not seen before joins the corpus.
/// </summary>
public abstract class FuzzTarget : IDisposable
{
    /// <summary>Short name, also the folder of its seeds and regression cases (<c>Seeds/NAME</c>, <c>Regressions/NAME</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Inputs longer than this are cut (the transports bound what they read the same way).</summary>
    public virtual int MaxLength => 4096;

    /// <summary>Tokens the mutator inserts (protocol syntax that random bytes rarely produce).</summary>
    public virtual IReadOnlyList<byte[]> Dictionary => [];

    /// <summary>Runs the parser over <paramref name="input"/>; returns an outcome code.</summary>
    public abstract int Run(ReadOnlySpan<byte> input);

    /// <summary>Exceptions that are the parser's documented answer to bad input (none by default).</summary>
    public virtual bool IsExpected(Exception exception) => false;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what the target holds (sockets of a media session).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
