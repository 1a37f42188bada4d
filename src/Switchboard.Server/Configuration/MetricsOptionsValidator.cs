using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="MetricsOptions"/>.</summary>
[OptionsValidator]
public sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;
