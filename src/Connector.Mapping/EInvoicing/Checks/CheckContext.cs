using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// What the profile a document claims carries, so that rules on terms it cannot hold are skipped. LineDetails: the
/// lines carry an id, a net price and a VAT category (ZUGFeRD 1.0 BASIC lines have only quantity, amount and name).
/// LineIds: BR-21 applies (ZUGFeRD 1.0 lines need no LineID). Payable: BR-15 applies (ZUGFeRD 1.0 BASIC has no
/// DuePayableAmount).
/// </summary>
internal sealed record RuleScope(bool Lines, bool BuyerAddress, bool VatBreakdown, bool LineTotal, bool LineDetails = true, bool LineIds = true, bool Payable = true)
{
    public static RuleScope For(EInvoiceProfile profile) => profile switch
    {
        // Factur-X MINIMUM: header, seller country, buyer name, BT-109/110/112/115 only.
        EInvoiceProfile.Minimum => new RuleScope(Lines: false, BuyerAddress: false, VatBreakdown: false, LineTotal: false),

        // BASIC WL: everything of the header (addresses, VAT breakdown, document allowances and charges), no lines.
        EInvoiceProfile.BasicWl => new RuleScope(Lines: false, BuyerAddress: true, VatBreakdown: true, LineTotal: true),
        // ZUGFeRD 1.0 BASIC: lines without id, net price or VAT category (the tax is given per document only).
        EInvoiceProfile.Zugferd1Basic => new RuleScope(Lines: true, BuyerAddress: true, VatBreakdown: true, LineTotal: true, LineDetails: false, LineIds: false, Payable: false),

        // ZUGFeRD 1.0 COMFORT / EXTENDED: the line id (LineID) is optional in the 1.0 schema (intarsys' own samples omit it).
        EInvoiceProfile.Zugferd1Comfort or EInvoiceProfile.Zugferd1Extended => new RuleScope(Lines: true, BuyerAddress: true, VatBreakdown: true, LineTotal: true, LineIds: false),
        _ => new RuleScope(Lines: true, BuyerAddress: true, VatBreakdown: true, LineTotal: true),
    };
}

/// <summary>Collects the failed rules of one document as problems.</summary>
internal sealed class CheckContext
{
    public CheckContext(EInvoice invoice, string documentName)
    {
        Invoice = invoice;
        DocumentName = documentName;
        Scope = RuleScope.For(invoice.Profile);
    }

    public EInvoice Invoice { get; }

    public string DocumentName { get; }

    public RuleScope Scope { get; }

    public List<Problem> Problems { get; } = [];

    /// <summary>The lines that count in the sums: EXTENDED group and information lines do not.</summary>
    public IEnumerable<EInvoiceLine> DetailLines => Invoice.Lines.Where(l => l.Role == LineRole.Detail);

    public void Error(string rule, string message, XmlSpot spot, string businessTerm, string? value)
        => Problems.Add(Problem.Error(ProblemCodes.En16931(rule), $"{rule}: {message}", At(spot), businessTerm, value));

    public void Warning(string rule, string message, XmlSpot spot, string businessTerm, string? value)
        => Problems.Add(Problem.Warning(ProblemCodes.En16931(rule), $"{rule}: {message}", At(spot), businessTerm, value));

    public SourceLocation At(XmlSpot spot) => new(DocumentName, spot.Line, spot.Path);

    public XmlSpot TotalSpot(string businessTerm)
        => Invoice.Totals.Spots.TryGetValue(businessTerm, out var spot) ? spot : XmlSpot.Root;

    /// <summary>An amount as messages write it: invariant, at least 2 decimals (473.00, 0.125).</summary>
    public static string Amount(decimal value) => value.ToString("0.00##########", CultureInfo.InvariantCulture);

    public static string? Amount(decimal? value) => value is { } v ? Amount(v) : null;

    /// <summary>A rate or quantity as written, without trailing zeros (20, 5.5).</summary>
    public static string Plain(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
