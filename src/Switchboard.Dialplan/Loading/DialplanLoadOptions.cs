namespace Switchboard.Dialplan.Loading;

/// <summary>Options for <see cref="DialplanLoader"/>.</summary>
public sealed record DialplanLoadOptions
{
    /// <summary>Prompt directory overriding the file's <c>prompt_dir</c> (holding <c>&lt;lang&gt;/&lt;name&gt;.wav</c>).</summary>
    public string? PromptDirectory { get; init; }

    /// <summary>Whether missing prompt files are errors. Off for unit tests without prompt files.</summary>
    public bool CheckPromptFiles { get; init; } = true;

    /// <summary>Bounds on the document's size, nesting, node count and alias expansion.</summary>
    public YamlInputLimits Limits { get; init; } = YamlInputLimits.Default;

    /// <summary>
    /// Checks a <c>transfer:</c> action's target under the dialling policy (numbers, SIP URIs): null when it may be
    /// dialled, else why not (an error at the action's line and column). Null: targets are not checked here.
    /// </summary>
    public Func<string, string?>? TransferTargetCheck { get; init; }

    /// <summary>Defaults: check prompt files in the file's own prompt directory.</summary>
    public static DialplanLoadOptions Default { get; } = new();
}
