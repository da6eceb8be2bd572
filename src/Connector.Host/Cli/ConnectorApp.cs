using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Plugins;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Connector.Host.Cli;

/// <summary>
/// The composition root shared by every command: paths, the mapping catalog (validated at start, every problem
/// listed), the store, the logger, the targets and the entities' runtimes.
/// </summary>
internal sealed class ConnectorApp : IDisposable
{
    private readonly Dictionary<string, (EntityRuntime Runtime, DateTime MasterStamp)> _entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IInvoiceTarget> _targets = new(StringComparer.OrdinalIgnoreCase);
    private readonly TargetRegistry _registry = TargetRegistry.WithBuiltIns();
    private readonly Lazy<IReadOnlyList<LoadedPlugin>> _plugins;
    private readonly SerilogLoggerFactory _loggerFactory;
    private readonly Lazy<SqliteStore> _store;

    private ConnectorApp(ConnectorPaths paths, MappingCatalog catalog, TimeProvider clock, SerilogLoggerFactory loggerFactory)
    {
        Paths = paths;
        Catalog = catalog;
        Clock = clock;
        _loggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Connector");
        _store = new Lazy<SqliteStore>(() => SqliteStore.Open(paths.StoreFile));
        _plugins = new Lazy<IReadOnlyList<LoadedPlugin>>(LoadPlugins);
    }

    public ConnectorPaths Paths { get; }

    public MappingCatalog Catalog { get; }

    public TimeProvider Clock { get; }

    public Microsoft.Extensions.Logging.ILogger Logger { get; }

    public IConnectorStore Store => _store.Value;

    public ExportOptions ExportOptions { get; init; } = new();

    /// <summary>
    /// The plugins of <see cref="ConnectorPaths.PluginsDirectory"/>: loaded (their targets registered) or failed, with
    /// why. Loaded when first needed (a target is built, or the list is asked for), not by commands that post nothing.
    /// </summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins.Value;

    /// <summary>Builds the app; throws <see cref="MappingConfigurationException"/> listing every problem of the mappings.</summary>
    public static ConnectorApp Create(ConnectorPaths paths, TimeProvider clock, LogEventLevel consoleLevel = LogEventLevel.Warning)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Warning, outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(paths.LogsDirectory, "connector-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, outputTemplate: "{Timestamp:o} {Level:u3} {Message:lj} {Properties:j}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
        var factory = new SerilogLoggerFactory(serilog, dispose: true);
        try
        {
            var catalog = MappingCatalogLoader.Load(paths.MappingsDirectory);
            return new ConnectorApp(paths, catalog, clock, factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>Adds an adapter (or replaces one of the same type); entities naming its type use it from then on.</summary>
    public void Register(ITargetFactory factory)
    {
        _registry.Register(factory);
        foreach (var target in _targets.Values.OfType<IDisposable>())
        {
            target.Dispose();
        }

        _targets.Clear();
    }

    /// <summary>
    /// The entity's target, built once from its <c>target</c> section and kept, so that its connections and the
    /// pipeline's circuit breaker outlive one run. Throws <see cref="TargetSetupException"/> naming what is wrong.
    /// </summary>
    public IInvoiceTarget TargetFor(EntityRuntime entity) => TargetFor(entity.Definition);

    private IInvoiceTarget TargetFor(EntityDefinition entity)
    {
        if (!_targets.TryGetValue(entity.Code, out var target))
        {
            _ = Plugins;
            target = _registry.Create(entity, new TargetContext(Paths.DataDirectory, SecretSource.ForDataDirectory(Paths.DataDirectory), Clock, _loggerFactory));
            _targets[entity.Code] = target;
        }

        return target;
    }

    /// <summary>
    /// Loads the plugins folder into the registry, after the built-in adapters. A plugin that fails is logged as an
    /// error naming it and skipped; an entity naming its type then gets the registry's "not known" error alone.
    /// </summary>
    private IReadOnlyList<LoadedPlugin> LoadPlugins()
    {
        var plugins = PluginLoader.LoadInto(_registry, Paths.PluginsDirectory);
        foreach (var plugin in plugins)
        {
            if (plugin.Loaded)
            {
                Logger.LogInformation("Plugin {Plugin} {Version} loaded from {Folder}: {Provides}", plugin.Name, plugin.Manifest!.Version, plugin.Folder, string.Join(", ", plugin.Provides));
            }
            else
            {
                Logger.LogError("{Error} The plugin is skipped.", plugin.Error);
            }
        }

        return plugins;
    }

    public IReadOnlyList<EntityRuntime> Entities(string? code = null)
    {
        var definitions = code is null
            ? Catalog.Entities
            : [Catalog.Entities.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))
               ?? throw new ArgumentException($"There is no entity '{code}'. Entities: {string.Join(", ", Catalog.Entities.Select(e => e.Code))}.", nameof(code))];
        return definitions.Select(d => Entity(d.Code)).ToList();
    }

    /// <summary>
    /// The entity ready to work. Its customer master is read again when the file changed since it was loaded, so a
    /// running service picks up master data updates at its next run.
    /// </summary>
    public EntityRuntime Entity(string code)
    {
        var definition = Catalog.Entities.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))
                         ?? throw new ArgumentException($"There is no entity '{code}'. Entities: {string.Join(", ", Catalog.Entities.Select(e => e.Code))}.", nameof(code));
        if (definition.MasterDataFromTarget)
        {
            return EntityFromTarget(definition);
        }

        var masterFile = Path.Combine(definition.Directory, definition.MasterData);
        var stamp = File.Exists(masterFile) ? File.GetLastWriteTimeUtc(masterFile) : DateTime.MinValue;
        if (!_entities.TryGetValue(definition.Code, out var loaded) || loaded.MasterStamp != stamp)
        {
            var runtime = EntityRuntime.Load(Catalog, definition, Store, Clock);
            foreach (var problem in runtime.MasterDataProblems)
            {
                Logger.LogWarning("Master data of {Entity}: {Problem}", definition.Code, problem.ToString());
            }

            Logger.LogInformation("Customer master of {Entity} loaded: {Customers} customers", definition.Code, runtime.Matcher.Count);
            loaded = (runtime, stamp);
            _entities[definition.Code] = loaded;
        }

        return loaded.Runtime;
    }

    /// <summary>
    /// An entity whose customers come from its target (<c>master_data: target</c>): read through the target's
    /// <see cref="IMasterDataProvider"/>, again when the last read is older than <see cref="TargetMasterDataAge"/>.
    /// </summary>
    private EntityRuntime EntityFromTarget(EntityDefinition definition)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        if (_entities.TryGetValue(definition.Code, out var loaded) && now - loaded.MasterStamp < TargetMasterDataAge)
        {
            return loaded.Runtime;
        }

        if (TargetFor(definition) is not IMasterDataProvider provider)
        {
            throw new TargetSetupException($"Entity {definition.Code}: master_data is 'target', but its target '{definition.Target.Type}' provides no customers. Name a customer master file instead.");
        }

        var customers = provider.LoadAsync(definition, CancellationToken.None).GetAwaiter().GetResult();
        var runtime = EntityRuntime.Load(Catalog, definition, Store, Clock, customers);
        Logger.LogInformation("Customers of {Entity} read from its target {Target}: {Customers}", definition.Code, definition.Target.Type, runtime.Matcher.Count);
        _entities[definition.Code] = (runtime, now);
        return runtime;
    }

    /// <summary>How long customers read from a target are used before they are read again.</summary>
    public static TimeSpan TargetMasterDataAge { get; } = TimeSpan.FromMinutes(5);

    /// <summary>An entity runtime that reads master data but knows no store (dry runs: nothing is stored).</summary>
    public EntityRuntime DetachedEntity(string code)
    {
        var definition = Catalog.Entities.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))
                         ?? throw new ArgumentException($"There is no entity '{code}'. Entities: {string.Join(", ", Catalog.Entities.Select(e => e.Code))}.", nameof(code));
        return definition.MasterDataFromTarget
            ? EntityFromTarget(definition)
            : EntityRuntime.Load(Catalog, definition, File.Exists(Paths.StoreFile) ? Store : null, Clock);
    }

    public EntityRunner Runner() => new(Store, Paths, Clock, Logger, ExportOptions);

    public void Dispose()
    {
        foreach (var target in _targets.Values.OfType<IDisposable>())
        {
            target.Dispose();
        }

        _targets.Clear();
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        _loggerFactory.Dispose();
    }
}
