using Microsoft.Extensions.Options;

namespace Switchboard.Acd.Store;

/// <summary>Source-generated validator of <see cref="AcdOptions"/> (section <c>Acd</c>).</summary>
[OptionsValidator]
public sealed partial class AcdOptionsValidator : IValidateOptions<AcdOptions>;
