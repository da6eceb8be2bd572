namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// Copies of the repository's sample mappings for tests that point an entity somewhere else (another target, a test
/// server): the chosen entity folders (or every one) and <c>shared/</c>, each <c>entity.yaml</c> through an edit.
/// </summary>
internal static class MappingsCopy
{
    /// <param name="to">The mappings folder to write.</param>
    /// <param name="editEntity">Applied to the text of each entity.yaml copied.</param>
    /// <param name="folders">The entity folders to copy (e.g. <c>fr-tryton</c>); none: every folder.</param>
    public static void Copy(string to, Func<string, string> editEntity, params string[] folders)
    {
        var from = PipelineHarness.RepositoryMappings;
        var chosen = folders.Length == 0
            ? Directory.EnumerateDirectories(from).Select(Path.GetFileName).OfType<string>().ToArray()
            : [.. folders, "shared"];
        foreach (var folder in chosen.Distinct(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(from, folder), "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (Path.GetFileName(file) == "entity.yaml")
                {
                    File.WriteAllText(destination, editEntity(File.ReadAllText(file)));
                }
                else
                {
                    File.Copy(file, destination, overwrite: true);
                }
            }
        }
    }
}
