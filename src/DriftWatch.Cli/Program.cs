using DriftWatch.Cli;

return await DriftWatchApp.RunAsync(args).ConfigureAwait(false);
