using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>Where a command writes: plain writers for JSON, a Spectre console for tables and progress.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, TextReader? input = null)
    {
        Input = input ?? Console.In;
        Output = output;
        Error = error;
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        Rich = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            Rich.Profile.Width = 160;
        }
    }

    /// <summary>Where a command reads what is piped to it (a password for <c>capture web hash-password</c>).</summary>
    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Rich { get; }

    /// <summary>True when a person is watching (progress bars make sense).</summary>
    public bool IsInteractive => Rich.Profile.Capabilities.Interactive;
}
