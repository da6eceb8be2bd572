namespace Connector.Mapping.Problems;

/// <summary>How bad a problem is: an error stops the record (or the document), a warning is kept and shown.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Where something was found in a document: its name, and the line (CSV), row (XLSX) or column where known.</summary>
public sealed record SourceLocation(string Document, int? Line = null, string? Column = null, string? Sheet = null)
{
    public override string ToString()
    {
        var text = Document;
        if (Sheet is not null)
        {
            text += $" sheet '{Sheet}'";
        }

        if (Line is not null)
        {
            text += $" line {Line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (Column is not null)
        {
            text += $" column '{Column}'";
        }

        return text;
    }
}

/// <summary>
/// One problem with a document or record, as data: a stable code (see <see cref="ProblemCodes"/>), a message a person
/// can act on, where it was found, and the field and value concerned.
/// </summary>
public sealed record Problem(
    ProblemSeverity Severity,
    string Code,
    string Message,
    SourceLocation Location,
    string? Field = null,
    string? Value = null)
{
    public static Problem Error(string code, string message, SourceLocation location, string? field = null, string? value = null)
        => new(ProblemSeverity.Error, code, message, location, field, value);

    public static Problem Warning(string code, string message, SourceLocation location, string? field = null, string? value = null)
        => new(ProblemSeverity.Warning, code, message, location, field, value);

    public override string ToString() => $"{Location}: {Code}: {Message}";
}
