using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Options classes bound from a configuration section and checked with their data annotations (and
/// <see cref="IValidatableObject"/>) twice: once when the host is put together (<see cref="Read{T}"/>: a bad value
/// stops the node before anything starts, as <see cref="ConfigurationErrorException"/> naming the key, exit code 2),
/// and again by <c>ValidateOnStart</c> for what the container hands out (<see cref="AddValidated{T}"/>).
/// </summary>
public static partial class ValidatedOptions
{
    /// <summary>Registers <typeparamref name="T"/> bound to <paramref name="section"/>, validated at start, and returns the value read now.</summary>
    public static T AddValidated<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        var value = Read<T>(configuration, section);
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        return value;
    }

    /// <summary>Binds and validates <paramref name="section"/>; throws <see cref="ConfigurationErrorException"/> naming the first bad key.</summary>
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        T value;
        try
        {
            value = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error)
        {
            // "Failed to convert configuration value '...' at 'Metrics:RefreshInterval' to type 'System.TimeSpan'."
            var match = KeyInBinderMessage().Match(error.Message);
            var key = match.Success ? match.Groups[1].Value : section;
            var text = match.Success ? configuration[key] : null;
            throw new ConfigurationErrorException(key, text is null ? "cannot be read: " + error.Message : $"'{text}' is not a valid value", error);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault();
            var key = member is null ? section : $"{section}:{member}";
            var message = first.ErrorMessage ?? "is not valid";
            throw new ConfigurationErrorException(key, message.StartsWith(key + " ", StringComparison.Ordinal) ? message[(key.Length + 1)..] : message);
        }

        return value;
    }

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex KeyInBinderMessage();
}
