namespace Connector.Mapping.Profiles;

/// <summary>One problem of a mapping configuration file: the file, the key path (e.g. <c>fields.issue_date.transforms[1].regex</c>) and what is wrong, with its line.</summary>
public sealed record ConfigError(string File, string Key, string Message)
{
    public override string ToString() => $"{File}: {Key}: {Message}";
}

/// <summary>The result of parsing a configuration file: a value when there is no error, else every error found.</summary>
internal sealed record ConfigResult<T>(T? Value, IReadOnlyList<ConfigError> Errors)
    where T : class
{
    public bool Succeeded => Errors.Count == 0 && Value is not null;

    public static ConfigResult<T> From(T value, IReadOnlyList<ConfigError> errors)
        => errors.Count == 0 ? new(value, errors) : new(null, errors);
}
