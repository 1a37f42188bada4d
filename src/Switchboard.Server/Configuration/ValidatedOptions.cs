using Microsoft.Extensions.Options;
using Switchboard.Api.Hosting;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Options classes bound from a configuration section and checked by their source-generated validator
/// (<c>[OptionsValidator]</c>: data annotations, nested <c>[ValidateObjectMembers]</c>, <c>IValidatableObject</c>) twice:
/// once while the host is put together (<see cref="Read{T, TValidator}"/>: a bad value stops the node before anything
/// starts, as <see cref="ConfigurationErrorException"/> naming the key, exit code 2), and again by <c>ValidateOnStart</c>
/// for what the container hands out (<see cref="AddValidated{T, TValidator}"/>).
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as <c>AddOptions().Bind(section).ValidateOnStart()</c> with
    /// <typeparamref name="TValidator"/>, and returns the value read and checked now.
    /// </summary>
    public static T AddValidated<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        var value = Read<T, TValidator>(configuration, section);
        CheckedOptions.Register<T>(services, configuration, section, new SectionValidator<T, TValidator>(configuration, section));
        return value;
    }

    /// <summary>Binds and validates <paramref name="section"/>; throws <see cref="ConfigurationErrorException"/> naming the first bad key.</summary>
    public static T Read<T, TValidator>(IConfiguration configuration, string section)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        T value;
        try
        {
            value = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error)
        {
            var (key, message) = OptionsFailure.FromBinder(configuration, section, error);
            throw new ConfigurationErrorException(key, message, error);
        }

        var failure = new SectionValidator<T, TValidator>(configuration, section).FirstFailure(value);
        return failure is { } bad ? throw new ConfigurationErrorException(bad.Key, bad.Message) : value;
    }
}
