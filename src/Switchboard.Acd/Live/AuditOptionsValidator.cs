using Microsoft.Extensions.Options;

namespace Switchboard.Acd.Live;

/// <summary>Source-generated validator of <see cref="AuditOptions"/> (section <c>Audit</c>).</summary>
[OptionsValidator]
public sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>;
