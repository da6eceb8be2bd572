using System.Globalization;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Finds PostgreSQL's server programs: on the PATH, else the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
internal static class PostgresBinaries
{
    private static readonly Lazy<string?> Folder = new(Find);

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL's server is not installed.</summary>
    public static string? Directory => Folder.Value;

    public static string Path(string program) => System.IO.Path.Combine(Directory ?? throw new InvalidOperationException(Missing), program);

    public const string Missing = "PostgreSQL's server programs (initdb, pg_ctl) were not found on the PATH nor in /usr/lib/postgresql/*/bin: "
        + "run .ci/install-postgres.sh (apt-get install postgresql).";

    /// <summary>When CI is set, a missing PostgreSQL fails the tests instead of skipping them.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            if (folder.Length > 0 && File.Exists(System.IO.Path.Combine(folder, "initdb")) && File.Exists(System.IO.Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(d => (Folder: System.IO.Path.Combine(d, "bin"), Version: decimal.TryParse(System.IO.Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m))
            .Where(d => File.Exists(System.IO.Path.Combine(d.Folder, "initdb")) && File.Exists(System.IO.Path.Combine(d.Folder, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Folder)
            .FirstOrDefault();
    }
}

/// <summary>
/// A fact that needs a real PostgreSQL: skipped with the reason when the server programs are missing, except under CI
/// (environment variable <c>CI</c> set), where the test runs and fails with the same reason.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.Directory is null && !PostgresBinaries.InCi)
        {
            Skip = PostgresBinaries.Missing;
        }
    }
}

/// <summary>A theory that needs a real PostgreSQL, skipped or failed as <see cref="PostgresFactAttribute"/>.</summary>
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresBinaries.Directory is null && !PostgresBinaries.InCi)
        {
            Skip = PostgresBinaries.Missing;
        }
    }
}
