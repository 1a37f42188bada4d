namespace Switchboard.Api.Hosting;

/// <summary><c>Api:Dialplan:*</c>: how a dialplan published through the API is checked before it is taken.</summary>
public sealed class ApiDialplanOptions
{
    /// <summary>
    /// <c>Api:Dialplan:PromptDirectory</c>: where the prompt files a published dialplan names must exist; unset: prompt
    /// files are not checked (the nodes check them when they load the version).
    /// </summary>
    public string? PromptDirectory { get; set; }
}
