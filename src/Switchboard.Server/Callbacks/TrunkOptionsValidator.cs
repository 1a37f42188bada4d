using Microsoft.Extensions.Options;

namespace Switchboard.Server.Callbacks;

/// <summary>Source-generated validator of <see cref="TrunkOptions"/>.</summary>
[OptionsValidator]
public sealed partial class TrunkOptionsValidator : IValidateOptions<TrunkOptions>;
