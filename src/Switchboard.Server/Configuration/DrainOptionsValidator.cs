using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="DrainOptions"/>.</summary>
[OptionsValidator]
public sealed partial class DrainOptionsValidator : IValidateOptions<DrainOptions>;
