using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>A field spec bound to the column indexes of one document (resolved once per file).</summary>
internal sealed class ResolvedField
{
    public ResolvedField(FieldSpec spec, int index, int[] partIndexes, string? column)
    {
        Spec = spec;
        Index = index;
        PartIndexes = partIndexes;
        Column = column;
        Transforms = spec.Transforms.Where(t => t.Kind != TransformKind.Negate).ToArray();
        Negate = spec.Negate;
        IsPlain = spec.IsPlain;
    }

    /// <summary>The text transforms (negate excluded), as an array for the hot path.</summary>
    public Transform[] Transforms { get; }

    public bool Negate { get; }

    /// <summary>No text transform and no map: a typed XLSX cell can be used as is.</summary>
    public bool IsPlain { get; }

    public FieldSpec Spec { get; }

    public CanonicalField Field => Spec.Field;

    /// <summary>The 0-based column of a column or position source; -1 otherwise.</summary>
    public int Index { get; }

    /// <summary>For concat: the column of each part, -1 for a literal.</summary>
    public int[] PartIndexes { get; }

    /// <summary>The column as problems name it.</summary>
    public string? Column { get; }

    public string Name => CanonicalFields.Name(Spec.Field);
}

/// <summary>A profile bound to one document's columns: an array by canonical field, null where the profile has none.</summary>
internal sealed class ResolvedProfile
{
    private ResolvedProfile(MappingProfile profile, ResolvedField?[] fields)
    {
        Profile = profile;
        Fields = fields;
        Header = fields.Where(f => f is not null && CanonicalFields.IsHeader(f.Field)).Select(f => f!).ToArray();
    }

    public MappingProfile Profile { get; }

    public ResolvedField?[] Fields { get; }

    /// <summary>The header (invoice-level) fields the profile maps.</summary>
    public ResolvedField[] Header { get; }

    public ResolvedField? this[CanonicalField field] => Fields[(int)field];

    /// <summary>Binds the profile; reports COLUMN_MISSING and returns null when a named column is not in the header.</summary>
    public static ResolvedProfile? Resolve(MappingProfile profile, ColumnSet columns, DocumentReadContext context, string? sheet = null)
    {
        var fields = new ResolvedField?[CanonicalFields.Count];
        var missing = new List<string>();
        foreach (var spec in profile.Fields.Values)
        {
            var index = -1;
            if (spec.Source == FieldSourceKind.Column)
            {
                index = columns.IndexOf(spec.Column!);
                if (index < 0 && spec.Default is null)
                {
                    missing.Add(spec.Column!);
                }
            }
            else if (spec.Source == FieldSourceKind.Position)
            {
                index = spec.Position!.Value - 1;
            }

            var parts = new int[spec.Parts.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                var part = spec.Parts[i];
                parts[i] = part.Column is not null ? columns.IndexOf(part.Column) : part.Position is { } p ? p - 1 : -1;
                if (part.Column is not null && parts[i] < 0)
                {
                    missing.Add(part.Column);
                }
            }

            fields[(int)spec.Field] = new ResolvedField(spec, index, parts, index >= 0 ? columns.Describe(index) : null);
        }

        if (missing.Count > 0)
        {
            var found = columns.Names.Count == 0 ? "none" : string.Join(", ", columns.Names.Select(n => $"'{n}'"));
            var names = string.Join(", ", missing.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => $"'{n}'"));
            context.Fail(Problem.Error(
                ProblemCodes.MissingColumn,
                $"the profile '{profile.Name}' needs the columns {names}, which the header does not have; columns found: {found}",
                context.At(sheet: sheet),
                value: names));
            return null;
        }

        return new ResolvedProfile(profile, fields);
    }
}
