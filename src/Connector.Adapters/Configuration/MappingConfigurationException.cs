using Connector.Mapping.Profiles;

namespace Connector.Adapters.Configuration;

/// <summary>The mappings folder has errors; <see cref="Exception.Message"/> lists each on its own line as <c>file: key: message</c>.</summary>
public sealed class MappingConfigurationException : Exception
{
    public MappingConfigurationException(IReadOnlyList<ConfigError> errors)
        : base(Format(errors)) => Errors = errors;

    public MappingConfigurationException()
        : this([])
    {
    }

    public MappingConfigurationException(string message)
        : base(message) => Errors = [];

    public MappingConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Format(IReadOnlyList<ConfigError> errors)
        => errors.Count == 0
            ? "The mapping configuration is invalid."
            : $"The mapping configuration has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
