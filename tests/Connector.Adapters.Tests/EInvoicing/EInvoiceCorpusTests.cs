using System.Globalization;
using System.Text;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Adapters.Tests.EInvoicing;

/// <summary>
/// The whole e-invoice reading path (detection, poppler for the PDFs, the readers, the EN 16931 checks, the mapping to
/// the canonical invoice) on every file of the shared corpus: the expected values of invoices_expected.csv, including
/// the XML embedded in the PDFs, and a clear refusal or flag for every file labelled broken.
/// </summary>
public sealed class EInvoiceCorpusTests
{
    private static readonly PopplerPdfAttachments Extractor = new(new PdfToolOptions());

    [PopplerCorpusFact]
    public void ReadDocument_EveryExpectedFile_GivesTheExpectedInvoice()
    {
        var mismatches = new List<string>();
        // Rows without a number carry no expectations (the corpus's own tool did not read ZUGFeRD 1.0).
        var rows = ExpectedRows().Where(r => r["number"].Length > 0).ToList();
        foreach (var group in rows.GroupBy(r => r["file"], StringComparer.Ordinal))
        {
            var (document, context) = Read(Path.Combine(Poppler.Corpus!, "einvoice", group.Key));
            if (document.Invoice is not { } invoice)
            {
                mismatches.Add($"{group.Key}: not read: {string.Join("; ", context.Problems.Select(p => p.Message))}");
                continue;
            }

            // A PDF may carry several XML files (a ZUGFeRD 1.0 and a 2.x): the row of the one chosen must agree.
            var row = group.FirstOrDefault(r => r["source"] == "xml" || r["source"] == "embedded:" + document.EmbeddedFile);
            if (row is null)
            {
                mismatches.Add($"{group.Key}: read the embedded '{document.EmbeddedFile}', expected one of {string.Join(", ", group.Select(r => r["source"]))}");
                continue;
            }

            Compare(group.Key, row, invoice, document.Record?.Invoice, mismatches);
        }

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {rows.Select(r => r["file"]).Distinct().Count()} files differ:\n{string.Join("\n", mismatches)}");
    }

    [PopplerCorpusFact]
    public void ReadDocument_EveryFileLabelledBroken_IsFlaggedWithItsReason()
    {
        var root = Path.Combine(Poppler.Corpus!, "einvoice");
        var broken = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Where(CorpusLabels.IsLabelledBroken)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var unexplained = broken.Except(CorpusLabels.Broken.Keys, StringComparer.Ordinal).ToList();
        var gone = CorpusLabels.Broken.Keys.Except(broken, StringComparer.Ordinal).ToList();
        unexplained.ShouldBeEmpty("every file labelled broken has its reason in CorpusLabels.Broken");
        gone.ShouldBeEmpty("every file of CorpusLabels.Broken is in the corpus and labelled broken");

        var wrong = new List<string>();
        foreach (var file in broken)
        {
            var (document, context) = Read(Path.Combine(root, file));
            var problems = context.Problems.Concat(document.Record?.Problems ?? []).ToList();
            var expected = CorpusLabels.Broken[file];
            var missing = expected.Where(code => !problems.Any(p => p.Code == code)).ToList();
            if (missing.Count > 0)
            {
                wrong.Add($"{file}: expected {string.Join(", ", missing)}; got {string.Join(", ", problems.Select(p => p.Code).Distinct())}");
            }
            else if (expected.Length == 0 && document.Invoice is null)
            {
                wrong.Add($"{file}: listed as read without a known defect, but it was not read: {string.Join("; ", problems.Select(p => p.Message))}");
            }
        }

        wrong.ShouldBeEmpty($"{wrong.Count} of {broken.Count} broken files are not flagged with their reason:\n{string.Join("\n", wrong)}");
    }

    [PopplerCorpusFact]
    public void ReadDocument_EveryFileLabelledValid_GivesNoError()
    {
        var root = Path.Combine(Poppler.Corpus!, "einvoice");
        var valid = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(CorpusLabels.IsLabelledValid)
            .Order(StringComparer.Ordinal)
            .ToList();
        valid.Count.ShouldBeGreaterThan(120);
        valid.ShouldContain("en16931-cen/ubl/examples/BIS3_Invoice_negativ.XML");

        var wrong = new List<string>();
        foreach (var file in valid)
        {
            var (document, context) = Read(Path.Combine(root, file));
            var errors = context.Problems.Concat(document.Record?.Problems ?? []).Where(p => p.Severity == ProblemSeverity.Error).ToList();
            var refused = CorpusLabels.RefusedValid.ContainsKey(file);
            if (errors.Count > 0 && !refused)
            {
                wrong.Add($"{file}: {string.Join(" | ", errors.Select(p => $"{p.Code}: {p.Message}"))}");
            }
            else if (errors.Count == 0 && refused)
            {
                wrong.Add($"{file}: listed as rightly refused ({CorpusLabels.RefusedValid[file]}), but it gives no error");
            }
        }

        wrong.ShouldBeEmpty($"{wrong.Count} of {valid.Count} valid files:\n{string.Join("\n", wrong)}");
    }

    [PopplerCorpusFact]
    public void ReadDocument_EveryCorpusFile_NeverThrows()
    {
        var root = Path.Combine(Poppler.Corpus!, "einvoice");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var file in files)
        {
            var (document, context) = Read(file);
            (context.Failed ? context.Problems.Count : 1).ShouldBeGreaterThan(0, file);
            if (!context.Failed)
            {
                document.Record.ShouldNotBeNull(file);
            }
        }
    }

    private static void Compare(string file, IReadOnlyDictionary<string, string> row, EInvoice invoice, Invoice? canonical, List<string> mismatches)
    {
        void Check(string what, string? expected, string? actual)
        {
            if (!string.Equals(expected ?? string.Empty, actual ?? string.Empty, StringComparison.Ordinal))
            {
                mismatches.Add($"{file}: {what} expected '{expected}', read '{actual}'");
            }
        }

        Check("number", row["number"], invoice.Number);
        Check("type code", row["type_code"], invoice.TypeCode);
        Check("issue date", row["issue_date"].Replace("-", string.Empty, StringComparison.Ordinal), invoice.IssueDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Check("currency", row["currency"], invoice.Currency);
        Check("lines", row["n_lines"], invoice.Lines.Count(l => l.ParentId is null || l.Role != LineRole.Information).ToString(CultureInfo.InvariantCulture));
        Check("BT-109", Amount(row["tax_exclusive"]), Amount(invoice.Totals.TaxExclusive));
        Check("BT-110", Amount(row["tax_total"]), Amount(invoice.Totals.TaxTotal));
        Check("BT-112", Amount(row["tax_inclusive"]), Amount(invoice.Totals.TaxInclusive));
        Check("BT-115", Amount(row["payable"]), Amount(invoice.Totals.Payable));

        // Where the document's own totals hold, the canonical invoice (allowances as lines, VAT spread over lines)
        // adds up to exactly the same amounts, signed negative for a credit note.
        if (canonical is not null && row["consistency"].Contains("TE+tax=TI", StringComparison.Ordinal)
            && invoice.Totals is { TaxExclusive: { } net, TaxTotal: { } tax })
        {
            var sign = canonical.Kind == InvoiceKind.CreditNote && net + tax > 0 ? -1 : 1;
            Check("canonical net", Amount(sign * net), Amount(canonical.NetTotal));
            Check("canonical tax", Amount(sign * tax), Amount(canonical.TaxTotal));
        }
    }

    private static string? Amount(string text)
        => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Amount(value) : null;

    private static string? Amount(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    private static (EInvoiceDocument Document, DocumentReadContext Context) Read(string path)
    {
        var context = new DocumentReadContext(Path.GetFileName(path)) { EInvoices = new EInvoiceReading(Extractor, null, null) };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return (EInvoiceDocumentReader.ReadDocument(stream, null, "TEST", context), context);
    }

    private static List<IReadOnlyDictionary<string, string>> ExpectedRows()
        => Rfc4180.Table(File.ReadAllText(Path.Combine(Poppler.Corpus!, "einvoice", "invoices_expected.csv"), Encoding.UTF8));
}
