using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Switchboard.Api.Hosting;

/// <summary>
/// Binds an options class from its section, checks it with its source-generated validator now (the API needs the
/// values while it registers its services) and registers it as <c>AddOptions().Bind().ValidateOnStart()</c>.
/// The Switchboard host checks these sections before, naming the key in its one-line configuration error.
/// </summary>
public static class CheckedOptions
{
    /// <summary>The bound, valid value; an invalid one throws <see cref="OptionsValidationException"/> (options name = section).</summary>
    public static T AddChecked<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var validator = new TValidator();
        var result = validator.Validate(section, value);
        if (result.Failed)
        {
            throw new OptionsValidationException(section, typeof(T), result.Failures);
        }

        Register(services, configuration, section, new NamedValidator<T>(section, validator));
        return value;
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> as <c>AddOptions().Bind(section).ValidateOnStart()</c> with
    /// <paramref name="validator"/> (one that validates the default-named options under the section's name).
    /// </summary>
    public static void Register<T>(IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
    }

    /// <summary>Runs the validator under the section's name, so failures carry the key's path.</summary>
    private sealed class NamedValidator<T>(string section, IValidateOptions<T> inner) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            name is null || name == Options.DefaultName ? inner.Validate(section, options) : ValidateOptionsResult.Skip;
    }
}
