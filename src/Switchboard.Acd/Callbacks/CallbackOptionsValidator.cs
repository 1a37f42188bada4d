using Microsoft.Extensions.Options;

namespace Switchboard.Acd.Callbacks;

/// <summary>Source-generated validator of <see cref="CallbackOptions"/> (the host binds section <c>Callbacks</c> and runs it at start-up).</summary>
[OptionsValidator]
public sealed partial class CallbackOptionsValidator : IValidateOptions<CallbackOptions>;
