using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="RedisOptions"/>.</summary>
[OptionsValidator]
public sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
