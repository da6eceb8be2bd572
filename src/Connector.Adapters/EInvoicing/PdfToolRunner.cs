using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Connector.Adapters.EInvoicing;

/// <summary>How one run of an external tool ended.</summary>
internal enum ToolRunOutcome
{
    /// <summary>The tool ran and exited (see <see cref="ToolRun.ExitCode"/>).</summary>
    Exited,

    /// <summary>The tool could not be started (not found, not executable).</summary>
    Missing,

    /// <summary>The tool did not finish within the limit and was killed with its children.</summary>
    TimedOut,
}

internal sealed record ToolRun(ToolRunOutcome Outcome, int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The line of standard error that says the most: the first naming an error, else the first non-empty one.</summary>
    public string FirstErrorLine
    {
        get
        {
            var lines = StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? lines.FirstOrDefault()
                ?? "(no message)";
        }
    }
}

/// <summary>
/// Runs a program directly (no shell: arguments passed one by one), reads its output asynchronously (keeping at most a
/// given number of characters), and kills it with its whole process tree when it overruns the time limit.
/// </summary>
internal static class PdfToolRunner
{
    private const int MaxStdErrChars = 64 * 1024;

    public static ToolRun Run(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, int maxStdOutChars, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            if (!process.Start())
            {
                return new ToolRun(ToolRunOutcome.Missing, -1, string.Empty, "the process did not start");
            }
        }
        catch (Win32Exception ex)
        {
            return new ToolRun(ToolRunOutcome.Missing, -1, string.Empty, ex.Message);
        }

        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput, maxStdOutChars);
        var stderr = ReadCappedAsync(process.StandardError, MaxStdErrChars);
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            // The output ends when the last holder of the pipes exits; a child left behind must not hold us past the limit.
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !Task.WaitAll([stdout, stderr], left))
            {
                KillTree(process);
                return new ToolRun(ToolRunOutcome.TimedOut, -1, string.Empty, string.Empty);
            }
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ToolRun(ToolRunOutcome.TimedOut, -1, string.Empty, string.Empty);
        }

        return new ToolRun(ToolRunOutcome.Exited, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the time-out and the kill.
        }
        catch (Win32Exception)
        {
            // One of the processes could not be killed (already gone); nothing more can be done.
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            if (text.Length < maxChars)
            {
                text.Append(buffer, 0, Math.Min(read, maxChars - text.Length));
            }
        }

        return text.ToString();
    }
}
