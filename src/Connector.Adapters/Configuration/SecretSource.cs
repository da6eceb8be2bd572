using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Configuration;

/// <summary>
/// Resolves <c>${env:NAME}</c> from the environment and <c>${secret:NAME}</c> from the secrets file: one
/// <c>name: value</c> per line (<c>#</c> starts a comment), kept outside the mappings folder, readable by the service
/// account only. Values are never logged; errors name the reference, never a value.
/// </summary>
internal sealed partial class SecretSource : ISecretSource
{
    private readonly string? _file;
    private readonly Func<string, string?> _environment;
    private Dictionary<string, string>? _secrets;

    /// <param name="file">The secrets file, or null when there is none.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public SecretSource(string? file, Func<string, string?>? environment = null)
    {
        _file = file;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The secrets file named by <c>CONNECTOR_SECRETS_FILE</c>, else <c>&lt;data&gt;/secrets.txt</c> when it exists.</summary>
    public static SecretSource ForDataDirectory(string dataDirectory)
    {
        var named = Environment.GetEnvironmentVariable("CONNECTOR_SECRETS_FILE");
        var file = string.IsNullOrWhiteSpace(named) ? Path.Combine(dataDirectory, "secrets.txt") : named;
        return new SecretSource(file);
    }

    public string Resolve(string optionName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var m = ReferencePattern().Match(value);
        if (!m.Success)
        {
            return value;
        }

        var kind = m.Groups[1].Value;
        var name = m.Groups[2].Value;
        if (kind == "env")
        {
            var fromEnvironment = _environment(name);
            return string.IsNullOrEmpty(fromEnvironment)
                ? throw new TargetSetupException($"target.options.{optionName}: the environment variable {name} is not set.")
                : fromEnvironment;
        }

        var secrets = _secrets ??= Load();
        return secrets.TryGetValue(name, out var secret)
            ? secret
            : throw new TargetSetupException(_file is null || !File.Exists(_file)
                ? $"target.options.{optionName}: the secret '{name}' is asked for, but there is no secrets file (set CONNECTOR_SECRETS_FILE or create {_file})."
                : $"target.options.{optionName}: the secrets file {_file} has no entry '{name}'.");
    }

    private Dictionary<string, string> Load()
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_file is null || !File.Exists(_file))
        {
            return secrets;
        }

        var number = 0;
        foreach (var raw in File.ReadLines(_file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                // The line is not echoed: it may hold a secret.
                throw new TargetSetupException($"The secrets file {_file}, line {number}: expected 'name: value'.");
            }

            secrets[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return secrets;
    }

    [GeneratedRegex(@"^\$\{(env|secret):([A-Za-z0-9_.\-]+)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
