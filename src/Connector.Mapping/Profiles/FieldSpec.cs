namespace Connector.Mapping.Profiles;

/// <summary>Where a field's value comes from.</summary>
internal enum FieldSourceKind
{
    /// <summary>No source: only <c>default</c>.</summary>
    None,
    Column,
    Position,
    Value,
    Concat,
}

/// <summary>One part of a <c>concat</c>: a literal, a column by header name, or a column by 1-based position.</summary>
internal sealed record ConcatPart(string? Literal = null, string? Column = null, int? Position = null);

/// <summary>How one canonical field is filled from a source row.</summary>
internal sealed record FieldSpec
{
    public required CanonicalField Field { get; init; }

    public FieldSourceKind Source { get; init; }

    public string? Column { get; init; }

    /// <summary>1-based column number.</summary>
    public int? Position { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<ConcatPart> Parts { get; init; } = [];

    public IReadOnlyList<Transform> Transforms { get; init; } = [];

    public ValueMap? Map { get; init; }

    public string? Default { get; init; }

    public bool Required { get; init; }

    /// <summary>Date formats of this field, overriding the profile's.</summary>
    public IReadOnlyList<string>? Formats { get; init; }

    public bool Negate => Transforms.Any(t => t.Kind == TransformKind.Negate);

    /// <summary>True when the value is the source text as is (an XLSX typed cell can then be used directly).</summary>
    public bool IsPlain => Map is null && Transforms.All(t => t.Kind == TransformKind.Negate);
}
