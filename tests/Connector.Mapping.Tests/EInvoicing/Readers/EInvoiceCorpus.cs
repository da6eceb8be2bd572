using Connector.Tests.Shared;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>
/// The shared corpus of real third-party e-invoices: <c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside the
/// folder that holds Connector.slnx. Read in place, never copied.
/// </summary>
internal static class EInvoiceCorpus
{
    private static readonly Lazy<string?> Root = new(() => SharedCorpus.Holding("einvoice"));

    /// <summary>The corpus folder, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    public const string Missing = "The shared corpus was not found (set CONNECTOR_CORPUS, or place it at ../shared/corpus beside the repository): corpus tests skipped.";

    public static string EInvoicePath(string relative) => Path.Combine(Directory ?? throw new InvalidOperationException(Missing), "einvoice", relative);
}

/// <summary>A fact that reads the shared corpus: skipped, saying why, when the corpus is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (EInvoiceCorpus.Directory is null)
        {
            Skip = EInvoiceCorpus.Missing;
        }
    }
}

/// <summary>The rows of <c>einvoice/invoices_expected.csv</c> (RFC 4180 quoting), as column name to cell.</summary>
internal static class ExpectedCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows()
    {
        return Rfc4180.Table(File.ReadAllText(EInvoiceCorpus.EInvoicePath("invoices_expected.csv")));
    }
}
