using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Statistics;

public sealed partial class ReportCalculator
{
    private ReportCalculatorState.AgentTrack AgentTrack(string agentId)
    {
        if (!State.Agents.TryGetValue(agentId, out var track))
        {
            State.Agents[agentId] = track = new ReportCalculatorState.AgentTrack();
        }

        return track;
    }

    private void OnAgentState(AcdEvent e)
    {
        if (e.AgentId is null || !Enum.TryParse<AgentState>(Text(e, "state"), out var state))
        {
            return;
        }

        var track = AgentTrack(e.AgentId);
        var now = e.At.ToUnixTimeMilliseconds();
        if (track.State >= 0 && now > track.SinceMs)
        {
            AddStateTime(e.AgentId, track.State, track.SinceMs, now);
        }

        track.State = (int)state;
        track.SinceMs = now;
        if (state == AgentState.WrapUp)
        {
            track.WrapStartMs = now;
        }
    }

    private void OnWrapUpEnded(AcdEvent e)
    {
        if (e.AgentId is null || !State.Agents.TryGetValue(e.AgentId, out var track) || track.WrapStartMs < 0 || track.WrapQueue is null)
        {
            return;
        }

        var c = Queue(track.WrapQueue, track.WrapHour);
        c[(int)ReportCounter.WrapUpTotalMs] += Math.Max(0, e.At.ToUnixTimeMilliseconds() - track.WrapStartMs);
        c[(int)ReportCounter.WrapUpCount]++;
        if (string.Equals(Text(e, "outcome"), _options.ResolvedOutcome, StringComparison.OrdinalIgnoreCase))
        {
            c[(int)ReportCounter.WrapUpsResolved]++;
        }

        track.WrapStartMs = -1;
        track.WrapQueue = null;
    }

    /// <summary>Splits [from, to) over UTC hours.</summary>
    private void AddStateTime(string agentId, int state, long fromMs, long toMs)
    {
        var start = fromMs;
        while (start < toMs)
        {
            var hour = start / 3_600_000;
            var end = Math.Min(toMs, (hour + 1) * 3_600_000);
            Agent(agentId, hour)[state] += end - start;
            start = end;
        }
    }
}
