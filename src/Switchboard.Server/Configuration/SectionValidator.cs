using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Runs a source-generated validator with the section's name as the options name, so each failure carries the key's
/// path (<c>Sip.Port</c>), and rewrites the failures as <c>Key: message (was value)</c> lines (<see cref="OptionsFailure"/>).
/// </summary>
internal sealed class SectionValidator<T, TValidator>(IConfiguration configuration, string section) : IValidateOptions<T>
    where T : class
    where TValidator : class, IValidateOptions<T>, new()
{
    private readonly TValidator _validator = new();

    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Failures(options).Select(f => $"{f.Key}: {f.Message}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The first failure (key, message), or null when <paramref name="options"/> is valid.</summary>
    public (string Key, string Message)? FirstFailure(T options) => Failures(options).Select(f => ((string Key, string Message)?)f).FirstOrDefault();

    private IEnumerable<(string Key, string Message)> Failures(T options)
    {
        var result = _validator.Validate(section, options);
        return result.Failed && result.Failures is { } failures
            ? failures.Select(f => OptionsFailure.Parse(configuration, section, f))
            : [];
    }
}
