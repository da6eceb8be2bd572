using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// Limits an e-invoice XML must stay within: its size in bytes, its element nesting and its characters after decoding.
/// Real invoices are far inside the defaults (the largest in the corpus is about 1 MB, 12 levels deep).
/// </summary>
internal sealed record EInvoiceReadLimits(
    long MaxBytes = EInvoiceReadLimits.DefaultMaxBytes,
    int MaxElementDepth = 64,
    long MaxCharactersInDocument = EInvoiceReadLimits.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public static EInvoiceReadLimits Default { get; } = new();
}

/// <summary>
/// What reading an e-invoice XML gave: the invoice as written (null when the document could not be read at all, with
/// the reason as an error in <paramref name="Problems"/>), and the problems met on the way (bad amounts, bad dates...).
/// </summary>
internal sealed record EInvoiceReadResult(EInvoice? Invoice, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
