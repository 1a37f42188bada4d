using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;

namespace Switchboard.Dialplan.Simulation;

/// <summary>A dry run: the open status at the start, every step, and the outcome.</summary>
public sealed record SimulationResult(OpenStatus Status, IReadOnlyList<SimulationStep> Steps, IvrOutcome Outcome, string Language);
