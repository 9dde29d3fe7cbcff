using Capture.Worker.Cli;

return await CaptureCommandLine.InvokeAsync(args, Console.Out, Console.Error);
