using System.Diagnostics;
using System.Text;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// The real <c>connector</c> program started as a child process (<c>run --once</c> on a data and mappings folder),
/// its output kept for the failure messages, so that a test can kill it with SIGKILL as an operating system would.
/// </summary>
internal sealed class ConnectorProcess
{
    private readonly StringBuilder _output = new();

    /// <summary>Everything the processes started so far wrote (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>connector --data D --mappings M [extra...] run --once</c> with <paramref name="environment"/> added.</summary>
    public Process Start(string data, string mappings, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Program(), "--data", data, "--mappings", mappings }.Concat(extra).Concat(["run", "--once"]))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = System.Diagnostics.Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Waits for the process to end; false (and the process killed) when it did not within <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    /// <summary>
    /// The connector as built in its own folder (a test folder holding ASP.NET Core for the emulator copies other
    /// assemblies beside its own copy of connector.dll).
    /// </summary>
    private static string Program()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var connector = Path.Combine(root, "src", "Connector.Host", "bin", tests.Parent!.Name, tests.Name, "connector.dll");
        File.Exists(connector).ShouldBeTrue($"the connector is not built at {connector}");
        return connector;
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
