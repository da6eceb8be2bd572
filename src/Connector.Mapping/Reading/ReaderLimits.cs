namespace Connector.Mapping.Reading;

/// <summary>Bounds that keep hostile or broken documents from exhausting memory.</summary>
internal sealed record ReaderLimits(
    int MaxLineLength = 1_048_576,
    long MaxXlsxUncompressedBytes = 200L * 1024 * 1024,
    int MaxXlsxEntries = 10_000,
    int MaxCompressionRatio = 200,
    int MaxRowsPerInvoice = 10_000,
    long MaxEInvoiceBytes = 50L * 1024 * 1024)
{
    public static ReaderLimits Default { get; } = new();
}
