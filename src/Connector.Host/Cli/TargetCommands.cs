using System.CommandLine;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Profiles;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector targets list|check</c>: where each entity posts, and whether that target is ready.</summary>
internal static class TargetCommands
{
    public static Command Targets()
    {
        var command = new Command("targets", "Where each entity posts (target type, identifiers, options) and whether the target is reachable and set up.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Each entity's target: type, business unit, source, types, terms and options (secrets shown as their references).");
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var table = new Table().AddColumns("Entity", "Type", "Business unit", "Source", "Types (invoice / credit memo)", "Terms");
            foreach (var entity in app.Catalog.Entities)
            {
                var t = entity.Target;
                table.AddRow(
                    Markup.Escape(entity.Code),
                    Markup.Escape(t.Type),
                    Markup.Escape(t.BusinessUnit),
                    Markup.Escape(t.TransactionSource),
                    Markup.Escape($"{t.TransactionType} / {t.CreditMemoType}"),
                    Markup.Escape(t.DefaultTerms));
            }

            AnsiConsole.Write(table);

            // Options on lines of their own: URLs and references are long and must be read whole.
            foreach (var entity in app.Catalog.Entities.Where(e => e.Target.Options.Count > 0))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{entity.Code}[/] options:");
                foreach (var (name, value) in entity.Target.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {name}: {Shown(name, value)}");
                }
            }
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static Command Check()
    {
        var entity = new Argument<string?>("entity") { Description = "The entity whose target to check (default: every entity)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("check", "Test each target's connection and the setup the entity relies on (business unit, source, types, terms...), and say exactly what is missing. Exit 1 when anything is.") { entity };
        command.SetAction((parse, cancellationToken) => CommandSupport.WithApp(parse, async app =>
        {
            var code = parse.GetValue(entity);
            var definitions = code is null
                ? app.Catalog.Entities
                : [app.Catalog.Entities.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))
                   ?? throw new ArgumentException($"There is no entity '{code}'. Entities: {string.Join(", ", app.Catalog.Entities.Select(e => e.Code))}.")];
            var failed = 0;
            foreach (var definition in definitions)
            {
                IReadOnlyList<TargetCheck> checks;
                try
                {
                    var target = app.TargetFor(app.Entity(definition.Code));
                    checks = await target.CheckAsync(definition, cancellationToken).ConfigureAwait(false);
                }
                catch (TargetException e)
                {
                    checks = [new TargetCheck("configuration", false, e.Message)];
                }

                var table = new Table().Title($"{Markup.Escape(definition.Code)}: {Markup.Escape(definition.Target.Type)}").AddColumns("Check", "Result", "Detail");
                foreach (var check in checks)
                {
                    table.AddRow(Markup.Escape(check.Item), check.Ok ? "[green]ok[/]" : "[red bold]missing[/]", Markup.Escape(check.Detail));
                }

                AnsiConsole.Write(table);
                failed += checks.Count(c => !c.Ok);
            }

            if (failed > 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{failed} check(s) failed.[/]");
                return CommandSupport.Failed;
            }

            AnsiConsole.MarkupLine("[green]Every target is reachable and set up.[/]");
            return CommandSupport.Ok;
        }));
        return command;
    }

    /// <summary>Options as written: a secret is only ever a reference, but a value is hidden if it somehow is not.</summary>
    private static string Shown(string name, string value)
        => TargetOptionsParser.IsSecretName(name) && !TargetOptionsParser.IsReference(value) ? "(hidden)" : value;
}
