namespace Switchboard.Fuzzing;

/// <summary>An input that broke a target: an unhandled exception, too much time, or too much memory.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Kind"><c>exception</c>, <c>hang</c> or <c>allocation</c>.</param>
/// <param name="Detail">The exception, the time or the bytes allocated.</param>
/// <param name="Input">The input, to keep as a regression case.</param>
public sealed record FuzzFailure(string Target, string Kind, string Detail, byte[] Input);
