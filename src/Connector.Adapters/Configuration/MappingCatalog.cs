using Connector.Mapping.Entities;
using Connector.Mapping.Profiles;

namespace Connector.Adapters.Configuration;

/// <summary>Every entity of the mappings folder with its profiles, checked and ready to use.</summary>
internal sealed class MappingCatalog
{
    private readonly Dictionary<string, EntityDefinition> _entities;
    private readonly Dictionary<string, Dictionary<string, MappingProfile>> _profiles;

    public MappingCatalog(IReadOnlyList<EntityDefinition> entities, IReadOnlyDictionary<string, IReadOnlyList<MappingProfile>> profiles)
    {
        Entities = entities;
        _entities = entities.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        _profiles = profiles.ToDictionary(
            p => p.Key,
            p => p.Value.ToDictionary(x => x.Name, StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<EntityDefinition> Entities { get; }

    public bool TryGetEntity(string code, out EntityDefinition? e) => _entities.TryGetValue(code, out e);

    /// <summary>The profile of an entity; throws <see cref="KeyNotFoundException"/> naming what exists when there is none.</summary>
    public MappingProfile Profile(string entityCode, string profileName)
    {
        if (!_profiles.TryGetValue(entityCode, out var profiles))
        {
            throw new KeyNotFoundException($"No entity '{entityCode}'; entities: {string.Join(", ", _entities.Keys)}");
        }

        return profiles.TryGetValue(profileName, out var profile)
            ? profile
            : throw new KeyNotFoundException($"Entity {entityCode} has no profile '{profileName}'; profiles: {string.Join(", ", profiles.Keys)}");
    }

    public IReadOnlyList<MappingProfile> Profiles(string entityCode)
        => _profiles.TryGetValue(entityCode, out var profiles) ? profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList() : [];
}
