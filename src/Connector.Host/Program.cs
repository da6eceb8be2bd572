using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using Connector.Host.Cli;
using Connector.Host.Pipeline;

Console.OutputEncoding = Encoding.UTF8;

// Ctrl+C and SIGTERM (systemd, docker stop) ask the running command to stop: the chunk being stored is committed
// and the command returns. A second signal ends the process at once.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
try
{
    return await ConnectorCli.Build().Parse(args).InvokeAsync(configuration, stop.Token).ConfigureAwait(false);
}
finally
{
    // Tesseract's workers are freed before the process ends (else its model cache reports leaks on stdout).
    OcrRuntime.Shutdown();
}
