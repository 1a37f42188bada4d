namespace Switchboard.Api.Auth;

/// <summary>Result of checking a bearer token: a caller, or the reason it was refused.</summary>
public readonly record struct ApiAuthResult(ApiCaller? Caller, string? Error)
{
    /// <summary>Authenticated.</summary>
    public static ApiAuthResult Success(ApiCaller caller) => new(caller, null);

    /// <summary>Refused with a reason safe to return to the client.</summary>
    public static ApiAuthResult Fail(string error) => new(null, error);
}
