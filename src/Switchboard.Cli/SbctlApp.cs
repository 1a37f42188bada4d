using System.CommandLine;
using Switchboard.Cli.Commands;

namespace Switchboard.Cli;

/// <summary>The <c>sbctl</c> entry: builds the command tree and runs it with the given writers (tests pass their own).</summary>
public static class SbctlApp
{
    /// <summary>Builds the root command. Each command group lives in <c>Commands/</c> and adds itself here.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("sbctl: Switchboard control (dialplans, opening hours)");
        root.Subcommands.Add(DialplanCommand.Create());
        root.Subcommands.Add(HoursCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(SupervisorCommand.Create());
        root.Subcommands.Add(PhoneCommand.Create());
        root.Subcommands.Add(CallCommand.Create());
        root.Subcommands.Add(DataSubjectCommand.Create());
        return root;
    }

    /// <summary>Runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return CreateRootCommand().Parse(args).Invoke(configuration);
    }
}
