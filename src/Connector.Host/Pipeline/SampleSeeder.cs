using Connector.Adapters.Sources.Folder;

namespace Connector.Host.Pipeline;

/// <summary>Copies each entity's <c>samples/</c> files into the inbox of the source whose pattern takes them (the demo).</summary>
internal static class SampleSeeder
{
    public static int Seed(IEnumerable<EntityRuntime> entities, ConnectorPaths paths)
    {
        var seeded = 0;
        foreach (var entity in entities)
        {
            var samples = Path.Combine(entity.Definition.Directory, "samples");
            if (!Directory.Exists(samples))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(samples).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var source = entity.Definition.Sources.FirstOrDefault(s => new FolderSource(".", s.Pattern, TimeSpan.Zero, TimeProvider.System).Accepts(name));
                if (source is null)
                {
                    continue;
                }

                var inbox = paths.Resolve(source.Inbox);
                Directory.CreateDirectory(inbox);
                File.Copy(file, Path.Combine(inbox, name), overwrite: true);
                seeded++;
            }
        }

        return seeded;
    }
}
