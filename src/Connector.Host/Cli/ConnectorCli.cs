using System.CommandLine;

namespace Connector.Host.Cli;

/// <summary>The command line: every command a person or a script needs.</summary>
internal static class ConnectorCli
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Data folder: store, archive, inboxes, outboxes, reports, logs (default $CONNECTOR_DATA or ./data)",
        Recursive = true,
    };

    public static readonly Option<string?> MappingsOption = new("--mappings")
    {
        Description = "Mappings folder with one folder per entity (default $CONNECTOR_MAPPINGS or ./mappings)",
        Recursive = true,
    };

    public static readonly Option<string?> PluginsOption = new("--plugins")
    {
        Description = "Adapter plugins folder, one subfolder per plugin (default $CONNECTOR_PLUGINS or <data>/plugins)",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Connector: takes in companies' invoices, maps, validates and matches them, and posts them into Oracle Receivables.")
        {
            DataOption,
            MappingsOption,
            PluginsOption,
        };
        root.Subcommands.Add(RunCommands.Run());
        root.Subcommands.Add(RunCommands.Demo());
        root.Subcommands.Add(RunCommands.Import());
        root.Subcommands.Add(InspectCommands.Inspect());
        root.Subcommands.Add(InspectCommands.Mapping());
        root.Subcommands.Add(ExceptionCommands.Exceptions());
        root.Subcommands.Add(PaymentCommands.Payments());
        root.Subcommands.Add(ReportCommands.Report());
        root.Subcommands.Add(ReportCommands.Runs());
        root.Subcommands.Add(ReportCommands.Documents());
        root.Subcommands.Add(ReportCommands.Audit());
        root.Subcommands.Add(RunCommands.Check());
        root.Subcommands.Add(TargetCommands.Targets());
        root.Subcommands.Add(PluginCommands.Plugins());
        root.Subcommands.Add(BenchCommands.Bench());
        return root;
    }
}
