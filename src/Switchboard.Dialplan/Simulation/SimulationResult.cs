using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;

namespace Switchboard.Dialplan.Simulation;

/// <summary>A dry run: the open status at the start, every step, the outcome, and the keys the call never took.</summary>
/// <param name="UnusedDigits">Keys left over when the call ended or was queued (e.g. every key on a closed day).</param>
public sealed record SimulationResult(OpenStatus Status, IReadOnlyList<SimulationStep> Steps, IvrOutcome Outcome, string Language, string UnusedDigits = "");
