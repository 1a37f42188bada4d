namespace Switchboard.Acd.Store;

/// <summary>Checks names that go into keys and the scripts' compact encodings; bad input gets a clear error.</summary>
internal static class AcdNames
{
    private static readonly char[] Reserved = [',', ';', '/', ':', '|', '{', '}'];

    public static string Check(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} must not be empty.", what);
        }

        if (!IsName(value))
        {
            throw new ArgumentException($"{what} '{value}' contains a reserved character (, ; / : | {{ }}) or a control character.", what);
        }

        return value;
    }

    /// <summary>Whether <paramref name="value"/> may be a name: not blank, no reserved or control character.</summary>
    public static bool IsName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOfAny(Reserved) < 0 && !value.Any(char.IsControl);

    public static string? CheckOptional(string? value, string what) =>
        string.IsNullOrEmpty(value) ? null : Check(value, what);

    /// <summary>Free text (names, numbers) may hold anything but control characters.</summary>
    public static string Text(string? value, string what)
    {
        if (value is not null && value.Any(char.IsControl))
        {
            throw new ArgumentException($"{what} contains a control character.", what);
        }

        return value ?? string.Empty;
    }
}
