using System.Text;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using CsvHelper;

namespace Connector.Mapping.Reading;

/// <summary>
/// Reads a CSV document with CsvHelper's streaming reader. Encoding, binary content, BOM and over-long lines are
/// handled before CsvHelper sees the bytes (see <see cref="CsvInputStream"/>): CsvHelper replaces invalid UTF-8
/// silently and cannot skip a single over-long line and go on, so those checks cannot be left to it.
/// </summary>
internal static class CsvDocumentReader
{
    private const int SniffSize = 8 * 1024;

    static CsvDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<MappedInvoice> Read(Stream stream, MappingProfile profile, string entityCode, DocumentReadContext context)
        => Read(stream, profile, context, (resolved, sheet) => new RowGroupAssembler<MappedInvoice, InvoiceBuilder>(resolved, RowGroupKind.Invoice, context, sheet, (eval, number, row, source) => new InvoiceBuilder(resolved, eval, entityCode, number, row.Line, source)));

    /// <summary>Reads the rows and hands them to the assembler the profile, once bound to the header, is given to.</summary>
    internal static IEnumerable<T> Read<T>(Stream stream, MappingProfile profile, DocumentReadContext context, Func<ResolvedProfile, string?, IRecordAssembler<T>> assemble)
        where T : class
    {
        using var input = Open(stream, profile.Csv, context);
        if (input is null)
        {
            yield break;
        }

        var malformed = new List<Problem>();
        var options = ReaderOptions(profile.Csv, context, malformed);
        using var reader = CsvReader.Create(input, options, leaveOpen: true);
        var row = new CsvRowView(reader);
        if (!Next(reader, context, malformed))
        {
            if (!context.Failed)
            {
                context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file has no rows", context.At()));
            }

            yield break;
        }

        var columns = new ColumnSet(profile.Csv.Header ? ReadHeader(reader) : [], letters: false);
        var hasData = !profile.Csv.Header;
        if (profile.Csv.Header && !Next(reader, context, malformed))
        {
            if (!context.Failed)
            {
                context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file has a header but no data rows", context.At()));
            }

            yield break;
        }

        var resolved = ResolvedProfile.Resolve(profile, columns, context);
        if (resolved is null)
        {
            yield break;
        }

        var assembler = assemble(resolved, null);
        do
        {
            hasData = true;
            var done = assembler.Add(row);
            if (done is not null)
            {
                yield return done;
            }
        }
        while (Next(reader, context, malformed));

        if (context.Failed)
        {
            yield break;
        }

        var last = assembler.Complete();
        if (last is not null)
        {
            yield return last;
        }
        else if (!hasData)
        {
            context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file has no data rows", context.At()));
        }
    }

    /// <summary>The CsvHelper options the product reads CSV documents with (also used by <c>connector bench ingest</c>).</summary>
    internal static CsvReaderOptions ReaderOptions(CsvOptions csv, DocumentReadContext context, List<Problem> malformed)
        => new()
        {
            Separator = csv.Delimiter,
            Quote = csv.Quote,
            HasHeader = false,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = csv.Multiline,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            PoolStrings = true,
            MaxRecordSize = context.Limits.MaxLineLength + 4096,
            OnMalformedRecord = r => malformed.Add(Malformed((int)r.LineNumber, r.RawRecord, r.Reason.ToString(), context)),
        };

    private static string[] ReadHeader(CsvReader reader)
    {
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetString(i) ?? string.Empty;
        }

        return names;
    }

    /// <summary>Advances CsvHelper; reports malformed lines it skipped; a CsvHelper exception fails the document.</summary>
    private static bool Next(CsvReader reader, DocumentReadContext context, List<Problem> malformed)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (CsvFormatException ex)
        {
            Flush(context, malformed);
            var line = ex.LineNumber > 0 ? (int?)ex.LineNumber : null;
            context.Fail(Problem.Error(ProblemCodes.MalformedCsv, $"the file cannot be read as CSV: {ex.Message}", context.At(line)));
            return false;
        }

        Flush(context, malformed);
        return more && !context.Failed;
    }

    private static void Flush(DocumentReadContext context, List<Problem> malformed)
    {
        foreach (var p in malformed)
        {
            context.Report(p);
        }

        malformed.Clear();
    }

    /// <summary>A skipped record names every line it spanned: with multi-line fields, an unclosed quote takes the lines up to the next quote with it.</summary>
    private static Problem Malformed(int line, string? raw, string reason, DocumentReadContext context)
    {
        var breaks = raw is null ? 0 : raw.TrimEnd('\r', '\n').Count(c => c == '\n');
        var first = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var where = breaks == 0
            ? $"line {first} has"
            : $"lines {first} to {(line + breaks).ToString(System.Globalization.CultureInfo.InvariantCulture)} (a quoted field that never closes, or closes wrongly) have";
        var skipped = breaks == 0 ? "was" : "were";
        return Problem.Error(ProblemCodes.MalformedCsv, $"{where} unbalanced or misplaced quotes ({reason}) and {skipped} skipped", context.At(line), value: Clip(raw));
    }

    private static string Clip(string? raw) => raw is null ? string.Empty : raw.Length <= 200 ? raw : raw[..200] + "...";

    /// <summary>Checks the start of the document and returns the UTF-8 line stream, or null when it cannot be read.</summary>
    internal static CsvInputStream? Open(Stream stream, CsvOptions csv, DocumentReadContext context)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[SniffSize];
        var length = 0;
        int n;
        while (length < prefix.Length && (n = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += n;
        }

        if (length == 0)
        {
            context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file is empty", context.At()));
            return null;
        }

        var head = prefix.AsSpan(0, length);
        var (encoding, bom) = CsvEncodings.Detect(head, csv.Encoding);
        if (CsvEncodings.LooksBinary(head[bom..], encoding))
        {
            context.Fail(Problem.Error(ProblemCodes.BinaryFile, "the file is binary (it has NUL bytes), not CSV text: is it a spreadsheet or an archive renamed .csv?", context.At()));
            return null;
        }

        Stream body;
        if (stream.CanSeek)
        {
            if (encoding is null)
            {
                stream.Position = start + bom;
                var bad = Utf8Check.FindInvalidLine(stream);
                if (bad > 0)
                {
                    Utf8Check.Report(context, bad);
                    return null;
                }
            }

            stream.Position = start + bom;
            body = stream;
        }
        else
        {
            body = new PrefixedStream(prefix.AsMemory(bom, length - bom), stream);
        }

        return new CsvInputStream(body, encoding, context, csv.SkipRows);
    }
}
