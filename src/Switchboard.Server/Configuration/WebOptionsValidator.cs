using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="WebOptions"/> (and its <c>Sessions</c>).</summary>
[OptionsValidator]
public sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;
