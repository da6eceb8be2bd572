using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Profiles;
using Quartz;

namespace Connector.Adapters.Configuration;

/// <summary>
/// Loads the mappings folder: <c>shared/value-maps.yaml</c> (optional) and every <c>&lt;folder&gt;/entity.yaml</c> with
/// the profiles of its folder (every other <c>*.yaml</c> there). Collects every error of every file and throws them
/// all at once in a <see cref="MappingConfigurationException"/>.
/// </summary>
internal static class MappingCatalogLoader
{
    private const string EntityFile = "entity.yaml";

    public static MappingCatalog Load(string mappingsRoot)
    {
        var errors = new List<ConfigError>();
        if (!Directory.Exists(mappingsRoot))
        {
            throw new MappingConfigurationException([new ConfigError(mappingsRoot, "(folder)", "the mappings folder does not exist")]);
        }

        var shared = LoadShared(mappingsRoot, errors);
        var entities = new List<EntityDefinition>();
        var profiles = new Dictionary<string, IReadOnlyList<MappingProfile>>(StringComparer.OrdinalIgnoreCase);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.EnumerateDirectories(mappingsRoot).Order(StringComparer.Ordinal))
        {
            var entityPath = Path.Combine(folder, EntityFile);
            if (!File.Exists(entityPath))
            {
                continue;
            }

            var entity = EntityParser.Parse(File.ReadAllText(entityPath), entityPath, folder);
            errors.AddRange(entity.Errors);
            var folderProfiles = LoadProfiles(folder, shared, errors);
            if (entity.Value is not { } e)
            {
                continue;
            }

            if (codes.TryGetValue(e.Code, out var other))
            {
                errors.Add(new ConfigError(entityPath, "code", $"entity code '{e.Code}' is already used by {other}"));
                continue;
            }

            codes[e.Code] = entityPath;
            CheckSources(e, entityPath, folderProfiles, errors);
            entities.Add(e);
            profiles[e.Code] = folderProfiles;
        }

        if (errors.Count > 0)
        {
            throw new MappingConfigurationException(errors);
        }

        return new MappingCatalog(entities, profiles);
    }

    /// <summary>
    /// Quartz 4.7 has no <c>CronExpression.IsValidExpression</c> any more; its parse check is the
    /// <see cref="IParsable{TSelf}"/> implementation of <see cref="CronExpression"/>.
    /// </summary>
    internal static bool IsValidCron(string expression) => TryParse<CronExpression>(expression);

    private static bool TryParse<T>(string text)
        where T : IParsable<T>
        => T.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static Dictionary<string, ValueMap> LoadShared(string root, List<ConfigError> errors)
    {
        var path = Path.Combine(root, "shared", "value-maps.yaml");
        if (!File.Exists(path))
        {
            return [];
        }

        var result = SharedValueMapsParser.Parse(File.ReadAllText(path), path);
        errors.AddRange(result.Errors);
        return result.Value?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? [];
    }

    private static List<MappingProfile> LoadProfiles(string folder, IReadOnlyDictionary<string, ValueMap> shared, List<ConfigError> errors)
    {
        var result = new List<MappingProfile>();
        var files = Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Where(f => !string.Equals(Path.GetFileName(f), EntityFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var profile = ProfileParser.Parse(File.ReadAllText(file), file, shared);
            errors.AddRange(profile.Errors);
            if (profile.Value is not null)
            {
                result.Add(profile.Value);
            }
        }

        return result;
    }

    private static void CheckSources(EntityDefinition entity, string entityPath, List<MappingProfile> profiles, List<ConfigError> errors)
    {
        if (!entity.MasterDataFromTarget && !File.Exists(Path.Combine(entity.Directory, entity.MasterData)))
        {
            errors.Add(new ConfigError(entityPath, "master_data", $"the customer master '{entity.MasterData}' is not in {entity.Directory}"));
        }

        for (var i = 0; i < entity.Sources.Count; i++)
        {
            var source = entity.Sources[i];
            var key = $"sources[{i}]";
            if (source.Schedule.Length > 0 && !IsValidCron(source.Schedule))
            {
                errors.Add(new ConfigError(entityPath, key + ".schedule", $"'{source.Schedule}' is not a Quartz cron expression (seconds first, e.g. \"0 */5 * * * ?\")"));
            }

            if (source.Profile.Length > 0 && !File.Exists(Path.Combine(entity.Directory, source.Profile + ".yaml")))
            {
                errors.Add(new ConfigError(entityPath, key + ".profile", $"no profile file '{source.Profile}.yaml' in {entity.Directory}"));
            }
            else if (source.Profile.Length > 0 && !profiles.Any(p => p.Name == source.Profile))
            {
                errors.Add(new ConfigError(entityPath, key + ".profile", $"the profile '{source.Profile}' has errors (see above)"));
            }
        }
    }
}
