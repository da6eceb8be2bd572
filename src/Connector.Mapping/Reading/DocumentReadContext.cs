using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>
/// The state of reading one document: its problems, whether it failed as a whole, and how many rows were read.
/// When <see cref="Failed"/> is true no record comes out. Check it after enumerating: a reader of a stream that
/// cannot seek may only find an encoding error after the records before it came out, and those must be discarded.
/// </summary>
internal sealed class DocumentReadContext
{
    private readonly List<Problem> _problems = [];

    public DocumentReadContext(string documentName, ReaderLimits? limits = null)
    {
        DocumentName = documentName;
        Limits = limits ?? ReaderLimits.Default;
    }

    public string DocumentName { get; }

    public ReaderLimits Limits { get; }

    /// <summary>For e-invoice profiles: the PDF extractor and the seller check; null elsewhere.</summary>
    public EInvoiceReading? EInvoices { get; init; }

    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>The document as a whole could not be read (empty, binary, wrong encoding, missing columns, unsafe workbook).</summary>
    public bool Failed { get; private set; }

    /// <summary>Data rows read (header and skipped rows not counted).</summary>
    public int RowsRead { get; internal set; }

    public void Report(Problem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        _problems.Add(p);
    }

    /// <summary>Reports a problem that makes the whole document unreadable.</summary>
    public void Fail(Problem p)
    {
        Report(p);
        Failed = true;
    }

    internal SourceLocation At(int? line = null, string? column = null, string? sheet = null) => new(DocumentName, line, column, sheet);
}
