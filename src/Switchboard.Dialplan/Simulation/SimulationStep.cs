using Switchboard.Dialplan.Engine;

namespace Switchboard.Dialplan.Simulation;

/// <summary>One event fed to the engine during a dry run and the commands it returned.</summary>
public sealed record SimulationStep(IvrEvent Event, IReadOnlyList<IvrCommand> Commands);
