using Microsoft.Extensions.Options;

namespace Switchboard.Acd.Statistics;

/// <summary>Source-generated validator of <see cref="StatisticsOptions"/> (section <c>Statistics</c>).</summary>
[OptionsValidator]
public sealed partial class StatisticsOptionsValidator : IValidateOptions<StatisticsOptions>;
