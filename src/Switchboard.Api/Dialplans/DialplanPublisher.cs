using Switchboard.Acd.Dialplans;

namespace Switchboard.Api.Dialplans;

/// <summary>
/// Publishing a dialplan: validates with <see cref="IDialplanChecker"/>, describes the change against the current
/// version, and stores it as the new current version in <see cref="DialplanVersionStore"/> (which tells every node).
/// </summary>
public sealed class DialplanPublisher(DialplanVersionStore versions, IDialplanChecker checker)
{
    /// <summary>Validates <paramref name="yaml"/> without storing anything.</summary>
    public IReadOnlyList<DialplanFinding> Validate(string yaml) => checker.Check(yaml ?? "");

    /// <summary>
    /// Validates and publishes <paramref name="yaml"/> as the new current version. Throws
    /// <see cref="DialplanPublishException"/> on validation errors or when <paramref name="expectedCurrent"/>
    /// (if not 0) is no longer current.
    /// </summary>
    public async Task<(DialplanVersionInfo Info, IReadOnlyList<DialplanFinding> Findings)> PublishAsync(
        string yaml, string who, string comment, long expectedCurrent = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var findings = checker.Check(yaml);
        var errors = findings.Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new DialplanPublishException(
                "dialplan has errors: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Line}:{e.Column} {e.Message}")), findings);
        }

        var info = await StoreAsync(yaml, who, comment, expectedCurrent, 0, cancellationToken).ConfigureAwait(false);
        return (info, findings);
    }

    /// <summary>Publishes an earlier version again, as a new version that records <c>RollbackOf</c>.</summary>
    public async Task<DialplanVersionInfo> RollbackAsync(long sequence, string who, string comment, CancellationToken cancellationToken = default)
    {
        var target = await versions.GetAsync(sequence, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"dialplan version {sequence} does not exist");
        return await StoreAsync(target.Yaml, who, comment, 0, sequence, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialplanVersionInfo> StoreAsync(
        string yaml, string who, string comment, long expectedCurrent, long rollbackOf, CancellationToken cancellationToken)
    {
        var previous = await versions.GetAsync(0, cancellationToken).ConfigureAwait(false);
        var summary = DialplanChangeSummary.Describe(previous?.Yaml, yaml);
        if (rollbackOf > 0)
        {
            summary = $"rollback to version {rollbackOf}: {summary}";
        }

        try
        {
            return await versions.AddAsync(yaml, who, comment, summary, expectedCurrent, rollbackOf, cancellationToken).ConfigureAwait(false);
        }
        catch (DialplanVersionConflictException ex)
        {
            throw new DialplanPublishException(ex.Message, ex);
        }
    }
}
