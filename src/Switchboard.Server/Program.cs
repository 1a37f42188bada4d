using Switchboard.Server.Hosting;

return await SwitchboardHost.RunAsync(args);
