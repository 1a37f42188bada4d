using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="SipOptions"/> (and its <c>Tcp</c> limits).</summary>
[OptionsValidator]
public sealed partial class SipOptionsValidator : IValidateOptions<SipOptions>;
