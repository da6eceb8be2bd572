using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Host.Pipeline;
using Serilog.Events;
using Spectre.Console;
using System.CommandLine;

namespace Connector.Host.Cli;

/// <summary>Runs a command body inside a composed app, turning configuration and usage errors into clear messages and exit codes.</summary>
internal static class CommandSupport
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int ConfigurationError = 2;

    public static ConnectorPaths Paths(ParseResult parse)
        => ConnectorPaths.FromEnvironment(parse.GetValue(ConnectorCli.DataOption), parse.GetValue(ConnectorCli.MappingsOption), parse.GetValue(ConnectorCli.PluginsOption));

    public static async Task<int> WithApp(ParseResult parse, Func<ConnectorApp, Task<int>> body, LogEventLevel consoleLevel = LogEventLevel.Warning)
    {
        ConnectorApp app;
        try
        {
            app = ConnectorApp.Create(Paths(parse), TimeProvider.System, consoleLevel);
        }
        catch (MappingConfigurationException e)
        {
            AnsiConsole.MarkupLine("[red bold]The mappings have problems; nothing was run.[/]");
            foreach (var error in e.Errors)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{error.File}[/]: [yellow]{error.Key}[/]: {error.Message}");
            }

            return ConfigurationError;
        }

        using (app)
        {
            try
            {
                return await body(app).ConfigureAwait(false);
            }
            catch (TargetSetupException e)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
                return ConfigurationError;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FileNotFoundException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
                return Failed;
            }
        }
    }

    public static int WithAppSync(ParseResult parse, Func<ConnectorApp, int> body)
        => WithApp(parse, app => Task.FromResult(body(app))).GetAwaiter().GetResult();

    /// <summary>The entity's target, or null after saying why it cannot be built (the other entities go on).</summary>
    public static IInvoiceTarget? TargetOrSay(ConnectorApp app, EntityRuntime runtime)
    {
        try
        {
            return app.TargetFor(runtime);
        }
        catch (TargetSetupException e)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{runtime.Code}: not run: {e.Message}[/]");
            return null;
        }
    }
}
