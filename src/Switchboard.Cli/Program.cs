using Switchboard.Cli;

return SbctlApp.Run(args, Console.Out, Console.Error);
