using Switchboard.Acd.Agents;

namespace Switchboard.Acd.Statistics;

/// <summary>Time per state of one agent in one interval, and occupancy.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Start">Local start of the interval.</param>
/// <param name="StateMs">Milliseconds spent in each <see cref="AgentState"/> (index: the enum value).</param>
public sealed record AgentReport(string AgentId, DateTimeOffset Start, IReadOnlyList<long> StateMs)
{
    public TimeSpan TimeIn(AgentState state) => TimeSpan.FromMilliseconds(StateMs[(int)state]);

    /// <summary>(OnCall + WrapUp) / (Ready + Reserved + OnCall + WrapUp); null when the agent was not available.</summary>
    public double? Occupancy
    {
        get
        {
            var busy = StateMs[(int)AgentState.OnCall] + StateMs[(int)AgentState.WrapUp];
            var staffed = busy + StateMs[(int)AgentState.Ready] + StateMs[(int)AgentState.Reserved];
            return staffed == 0 ? null : (double)busy / staffed;
        }
    }
}
