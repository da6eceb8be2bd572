using System.CommandLine;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector plugins list</c>: the adapter plugins found, what each provides, and why one did not load.</summary>
internal static class PluginCommands
{
    public static Command Plugins()
    {
        var command = new Command("plugins", "The adapter plugins of the plugins folder (--plugins, $CONNECTOR_PLUGINS or <data>/plugins).");
        command.Subcommands.Add(List());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Each plugin: name, version, contract version, folder, what it provides, and whether it loaded (else why not). Exit 1 when one did not load.");
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Plugins folder: {app.Paths.PluginsDirectory} (this Connector's plugin contract: {PluginContract.Version})");
            if (app.Plugins.Count == 0)
            {
                AnsiConsole.MarkupLine(Directory.Exists(app.Paths.PluginsDirectory)
                    ? "No plugins: the folder has no subfolders."
                    : "No plugins: the folder does not exist.");
                return CommandSupport.Ok;
            }

            // One block per plugin rather than a table: folders and errors are long and must be read whole.
            foreach (var plugin in app.Plugins)
            {
                var status = plugin.Loaded ? "[green]loaded[/]" : "[red bold]not loaded[/]";
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(plugin.Name)}[/] {Markup.Escape(plugin.Manifest?.Version ?? "?")} (contract {Markup.Escape(plugin.Manifest?.ContractVersion ?? "?")}): {status}");
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  folder: {plugin.Folder}");
                if (plugin.Loaded)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  provides: {string.Join(", ", plugin.Provides)}");
                    if (plugin.Manifest!.Description is { } description)
                    {
                        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {description}");
                    }
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{plugin.Error}[/]");
                }
            }

            var failed = app.Plugins.Count(p => !p.Loaded);
            if (failed > 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{failed} plugin(s) not loaded; entities naming their target types cannot post.[/]");
            }

            return failed == 0 ? CommandSupport.Ok : CommandSupport.Failed;
        }));
        return command;
    }
}
