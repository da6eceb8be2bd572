using System.Globalization;
using System.Text;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>
/// Computes the value of a field for a row: source, transforms, default, required, value map, then the number or
/// date parse. Failures become problems naming the row, the column and the raw value.
/// </summary>
internal sealed class FieldEvaluator
{
    private readonly ResolvedProfile _profile;
    private readonly string _document;
    private readonly string? _sheet;
    private readonly StringBuilder _concat = new();

    public FieldEvaluator(ResolvedProfile profile, string document, string? sheet)
    {
        _profile = profile;
        _document = document;
        _sheet = sheet;
    }

    /// <summary>The field's final text; null when empty or failed (a problem is added when it failed).</summary>
    public string? Text(ResolvedField f, ISourceRow row, List<Problem>? problems)
    {
        var spec = f.Spec;
        var raw = Raw(f, row);
        var value = raw;
        var transforms = f.Transforms;
        for (var i = 0; i < transforms.Length; i++)
        {
            var transform = transforms[i];
            if (!transform.TryApply(value, out value))
            {
                Add(problems, ProblemCodes.FieldPattern, $"'{raw}' does not match the {transform} of {f.Name}", f, row, raw);
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            value = spec.Default;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            if (spec.Required)
            {
                Add(problems, ProblemCodes.FieldRequired, $"{f.Name} is required and empty", f, row, raw);
            }

            return null;
        }

        if (spec.Map is { } map)
        {
            if (!map.TryMap(value, out var mapped))
            {
                Add(problems, ProblemCodes.FieldUnmappedValue, $"'{value}' has no entry in the value map '{map.Name}' of {f.Name}", f, row, raw);
                return null;
            }

            return mapped;
        }

        return value;
    }

    /// <summary>The field as a number; null when empty. <paramref name="failed"/> when it is not a number (problem added).</summary>
    public decimal? Number(ResolvedField f, ISourceRow row, List<Problem>? problems, out bool failed)
    {
        failed = false;
        decimal value;
        if (f.IsPlain && f.Index >= 0 && row.TryGetNumber(f.Index, out value))
        {
            return f.Negate ? -value : value;
        }

        if (f.IsPlain && f.Index >= 0 && row.TryGetUtf8(f.Index, out var utf8)
            && NumberParser.TryParseAscii(utf8, _profile.Profile.Numbers, out value))
        {
            return f.Negate ? -value : value;
        }

        var text = Text(f, row, problems);
        if (text is null)
        {
            return null;
        }

        if (!NumberParser.TryParse(text, _profile.Profile.Numbers, out value))
        {
            var numbers = _profile.Profile.Numbers;
            Add(problems, ProblemCodes.FieldInvalidNumber, $"'{text}' is not a number for {f.Name} (decimal '{numbers.Decimal}')", f, row, Raw(f, row));
            failed = true;
            return null;
        }

        return f.Negate ? -value : value;
    }

    /// <summary>The field as a date; null when empty or not a date (problem added).</summary>
    public DateOnly? Date(ResolvedField f, ISourceRow row, List<Problem>? problems)
    {
        if (f.IsPlain && f.Index >= 0 && row.TryGetDate(f.Index, out var typed))
        {
            return typed;
        }

        var text = Text(f, row, problems);
        if (text is null)
        {
            return null;
        }

        var formats = f.Spec.Formats ?? _profile.Profile.DateFormats;
        if (DateFormats.TryParse(text, formats, out var date))
        {
            return date;
        }

        Add(problems, ProblemCodes.FieldInvalidDate, $"'{text}' is not a date in the format {string.Join(" or ", formats)} for {f.Name}", f, row, Raw(f, row));
        return null;
    }

    private string Raw(ResolvedField f, ISourceRow row)
    {
        var spec = f.Spec;
        switch (spec.Source)
        {
            case FieldSourceKind.Column or FieldSourceKind.Position:
                return f.Index >= 0 ? row.GetText(f.Index) : string.Empty;
            case FieldSourceKind.Value:
                return spec.Value ?? string.Empty;
            case FieldSourceKind.Concat:
                _concat.Clear();
                for (var i = 0; i < spec.Parts.Count; i++)
                {
                    _concat.Append(f.PartIndexes[i] >= 0 ? row.GetText(f.PartIndexes[i]) : spec.Parts[i].Literal);
                }

                return _concat.ToString();
            default:
                return string.Empty;
        }
    }

    private void Add(List<Problem>? problems, string code, string message, ResolvedField f, ISourceRow row, string raw)
        => problems?.Add(Problem.Error(code, message, new SourceLocation(_document, row.Line, f.Column, _sheet), f.Name, raw));

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
