using Microsoft.Extensions.Options;

namespace Switchboard.Api.Hosting;

/// <summary>Source-generated validator of <see cref="ApiOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>;
