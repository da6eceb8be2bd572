namespace Connector.Plugins.Tryton.Tests;

/// <summary>Whether Debian's Tryton (trytond, trytond-admin, proteus for Debian's python) is installed, and where the setup script is.</summary>
internal static class TrytonBinaries
{
    private static readonly Lazy<string?> Reason = new(Find);

    /// <summary>Why the real server cannot run here, or null when it can.</summary>
    public static string? Missing => Reason.Value;

    /// <summary>When CI is set, a missing Tryton fails the tests instead of skipping them.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>tests/tryton/setup.sh of this repository.</summary>
    public static string SetupScript => Path.Combine(RepositoryRoot(), "tests", "tryton", "setup.sh");

    private static string? Find()
    {
        string[] programs = ["trytond", "trytond-admin"];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin");
        var missing = programs.Where(p => !path.Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, p)))).ToList();
        if (missing.Count > 0 || !Directory.Exists("/usr/lib/python3/dist-packages/proteus"))
        {
            return "Tryton is not installed (" + string.Join(", ", missing.DefaultIfEmpty("proteus")) + " missing): run .ci/install-tryton.sh "
                + "(apt-get install tryton-server tryton-proteus tryton-modules-account-fr ...).";
        }

        return null;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Connector.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Connector.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A fact that needs the real Tryton server: skipped with the reason when Tryton is not installed, except under CI
/// (environment variable <c>CI</c> set), where the test runs and fails with the same reason.
/// </summary>
internal sealed class TrytonFactAttribute : FactAttribute
{
    public TrytonFactAttribute()
    {
        if (TrytonBinaries.Missing is { } reason && !TrytonBinaries.InCi)
        {
            Skip = reason;
        }
    }
}
