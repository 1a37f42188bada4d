using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Dialplan</c> section (checked by <see cref="DialplanOptionsValidator"/>).</summary>
public sealed class DialplanOptions : IValidatableObject
{
    public const string Section = "Dialplan";

    /// <summary><c>Dialplan:Path</c>: the dialplan YAML; a relative path is taken from the working directory.
    /// After <see cref="SwitchboardSettings.Read"/> it is absolute and the file exists.</summary>
    public string Path { get; set; } = "dialplans/kommun.yaml";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return new ValidationResult("is empty; give the dialplan YAML file", [nameof(Path)]);
        }
    }
}
