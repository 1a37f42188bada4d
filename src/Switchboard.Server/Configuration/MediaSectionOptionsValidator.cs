using Microsoft.Extensions.Options;

namespace Switchboard.Server.Configuration;

/// <summary>Source-generated validator of <see cref="MediaSectionOptions"/>.</summary>
[OptionsValidator]
public sealed partial class MediaSectionOptionsValidator : IValidateOptions<MediaSectionOptions>;
