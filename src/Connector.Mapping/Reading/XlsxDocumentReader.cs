using System.Text;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using ExcelDataReader;

namespace Connector.Mapping.Reading;

/// <summary>Reads an XLSX workbook: safety checks on the zip, then ExcelDataReader row by row on the profile's sheet.</summary>
internal static class XlsxDocumentReader
{
    static XlsxDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<MappedInvoice> Read(Stream stream, MappingProfile profile, string entityCode, DocumentReadContext context)
        => Read(stream, profile, context, (resolved, sheet) => new RowGroupAssembler<MappedInvoice, InvoiceBuilder>(resolved, RowGroupKind.Invoice, context, sheet, (eval, number, row, source) => new InvoiceBuilder(resolved, eval, entityCode, number, row.Line, source)));

    /// <summary>Reads the sheet's rows and hands them to the assembler the profile, once bound to the header, is given to.</summary>
    internal static IEnumerable<T> Read<T>(Stream stream, MappingProfile profile, DocumentReadContext context, Func<ResolvedProfile, string?, IRecordAssembler<T>> assemble)
        where T : class
    {
        var seekable = stream.CanSeek ? stream : Buffer(stream, context.Limits.MaxXlsxUncompressedBytes);
        if (seekable is null)
        {
            context.Fail(Problem.Error(ProblemCodes.WorkbookUnsafe, "the workbook file is larger than the unpacked size allowed; it was not opened", context.At()));
            yield break;
        }

        try
        {
            if (seekable.Length == 0)
            {
                context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file is empty", context.At()));
                yield break;
            }

            if (!XlsxSafety.Check(seekable, context))
            {
                yield break;
            }

            using var reader = Open(seekable, context);
            if (reader is null)
            {
                yield break;
            }

            var sheet = SelectSheet(reader, profile.Xlsx, context);
            if (sheet is null)
            {
                yield break;
            }

            foreach (var record in ReadSheet(reader, sheet, profile, context, assemble))
            {
                yield return record;
            }
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                seekable.Dispose();
            }
        }
    }

    private static IEnumerable<T> ReadSheet<T>(IExcelDataReader reader, string sheet, MappingProfile profile, DocumentReadContext context, Func<ResolvedProfile, string?, IRecordAssembler<T>> assemble)
        where T : class
    {
        var row = new XlsxRowView(reader);
        var number = 0;
        while (number < profile.Xlsx.HeaderRow && Next(reader, context, sheet))
        {
            number++;
        }

        if (number < profile.Xlsx.HeaderRow)
        {
            context.Fail(Problem.Error(ProblemCodes.EmptyFile, $"the sheet has no header row {profile.Xlsx.HeaderRow}", context.At(sheet: sheet)));
            yield break;
        }

        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row.GetText(i);
        }

        var resolved = ResolvedProfile.Resolve(profile, new ColumnSet(names, letters: true), context, sheet);
        if (resolved is null)
        {
            yield break;
        }

        var assembler = assemble(resolved, sheet);
        var data = 0;
        while (Next(reader, context, sheet))
        {
            row.Line = ++number;
            data++;
            var done = assembler.Add(row);
            if (done is not null)
            {
                yield return done;
            }
        }

        if (context.Failed)
        {
            yield break;
        }

        var last = assembler.Complete();
        if (last is not null)
        {
            yield return last;
        }
        else if (data == 0 || context.RowsRead == 0)
        {
            context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the sheet has a header but no data rows", context.At(sheet: sheet)));
        }
    }

    private static IExcelDataReader? Open(Stream stream, DocumentReadContext context)
    {
        try
        {
            return ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or ArgumentException)
        {
            context.Fail(Problem.Error(ProblemCodes.WorkbookInvalid, $"the workbook cannot be read: {ex.Message}", context.At()));
            return null;
        }
    }

    private static bool Next(IExcelDataReader reader, DocumentReadContext context, string sheet)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or FormatException)
        {
            context.Fail(Problem.Error(ProblemCodes.WorkbookInvalid, $"the sheet cannot be read: {ex.Message}", context.At(sheet: sheet)));
            return false;
        }
    }

    /// <summary>Moves the reader to the profile's sheet and returns its name, or reports SHEET_MISSING.</summary>
    private static string? SelectSheet(IExcelDataReader reader, XlsxOptions options, DocumentReadContext context)
    {
        var names = new List<string>();
        var index = 0;
        do
        {
            names.Add(reader.Name);
            index++;
            var match = options.SheetName is not null
                ? string.Equals(reader.Name.Trim(), options.SheetName.Trim(), StringComparison.OrdinalIgnoreCase)
                : index == (options.SheetIndex ?? 1);
            if (match)
            {
                return reader.Name;
            }
        }
        while (reader.NextResult());

        var wanted = options.SheetName is not null ? $"'{options.SheetName}'" : $"number {options.SheetIndex ?? 1}";
        context.Fail(Problem.Error(ProblemCodes.SheetMissing, $"the workbook has no sheet {wanted}; sheets found: {string.Join(", ", names.Select(n => $"'{n}'"))}", context.At(), value: options.SheetName));
        return null;
    }

    /// <summary>A zip needs seeking: a forward-only stream is copied to memory, up to the size limit (null beyond it).</summary>
    private static MemoryStream? Buffer(Stream stream, long limit)
    {
        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (copy.Length + n > limit)
            {
                copy.Dispose();
                return null;
            }

            copy.Write(chunk, 0, n);
        }

        copy.Position = 0;
        return copy;
    }
}
