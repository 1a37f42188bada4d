namespace Switchboard.Api.Dialplans;

/// <summary>Validates dialplan YAML the same way as <c>sbctl dialplan check</c>.</summary>
public interface IDialplanChecker
{
    /// <summary>All findings for <paramref name="yaml"/>; no error findings means it may be published.</summary>
    IReadOnlyList<DialplanFinding> Check(string yaml);
}
