using Microsoft.Extensions.Options;

namespace Switchboard.Server.Calls;

/// <summary>Source-generated validator of <see cref="TransferOptions"/> (section <c>Transfer</c>).</summary>
[OptionsValidator]
public sealed partial class TransferOptionsValidator : IValidateOptions<TransferOptions>;
