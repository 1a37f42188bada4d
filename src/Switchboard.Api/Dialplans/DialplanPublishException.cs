namespace Switchboard.Api.Dialplans;

/// <summary>A publish was refused: validation errors, or the current version moved on (optimistic check).</summary>
public sealed class DialplanPublishException : Exception
{
    public DialplanPublishException()
        : this("dialplan publish refused")
    {
    }

    public DialplanPublishException(string message)
        : this(message, [])
    {
    }

    public DialplanPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = [];
    }

    public DialplanPublishException(string message, IReadOnlyList<DialplanFinding> findings)
        : base(message)
    {
        Findings = findings;
    }

    /// <summary>Validation findings, when validation refused it.</summary>
    public IReadOnlyList<DialplanFinding> Findings { get; }
}
