using System.Text;
using Calculator.Cli;

// Kept lean for start-up time: no work here that the chosen mode does not need.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16);
var stderr = new StreamWriter(Console.OpenStandardError(), utf8, 1 << 12);
var exitCode = CalcApp.InternalError;
try
{
    var console = new CalcConsole(Console.OpenStandardInput(), stdout, stderr)
    {
        StdinIsTerminal = !Console.IsInputRedirected,
        StdoutIsTerminal = !Console.IsOutputRedirected,
        ColorErrors = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
    exitCode = CalcApp.Run(args, console);
}
#pragma warning disable CA1031 // Nothing may reach the user as a .NET exception.
catch (Exception ex)
#pragma warning restore CA1031
{
    CalcApp.ReportInternalError(new CalcConsole(Stream.Null, stdout, stderr), ex);
}

CloseQuietly(stdout);
CloseQuietly(stderr);
return exitCode;

static void CloseQuietly(TextWriter writer)
{
    try
    {
        writer.Dispose();
    }
    catch (IOException)
    {
    }
}
