using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="TracingOptions"/>.</summary>
[OptionsValidator]
public sealed partial class TracingOptionsValidator : IValidateOptions<TracingOptions>;
