using Microsoft.Extensions.Options;

namespace Switchboard.Api.Auth;

/// <summary>Source-generated validator of <see cref="ApiAuthOptions"/> (each static token, the JWT settings).</summary>
[OptionsValidator]
public sealed partial class ApiAuthOptionsValidator : IValidateOptions<ApiAuthOptions>;
