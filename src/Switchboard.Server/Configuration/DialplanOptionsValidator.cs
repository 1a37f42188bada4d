using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="DialplanOptions"/>.</summary>
[OptionsValidator]
public sealed partial class DialplanOptionsValidator : IValidateOptions<DialplanOptions>;
