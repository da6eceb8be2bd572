using System.Globalization;
using Connector.Mapping.Reading;

namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>
/// The columns an e-invoice presents to a profile (<c>format: einvoice</c>): EN 16931 business terms by id
/// (<c>BT-10</c>, <c>BT-131</c>...) and two synthetic columns, <c>VAT</c> (the line's VAT key, e.g. <c>S-20</c>) and
/// <c>TYPE</c> (BT-3). The document becomes one row per canonical line, the header terms repeated on each.
/// </summary>
internal static class BusinessTerms
{
    /// <summary>The header terms, then the line terms; a term's index is its column.</summary>
    private static readonly string[] Names =
    [
        "BT-1", "BT-2", "BT-3", "TYPE", "BT-5", "BT-6", "BT-9", "BT-10", "BT-11", "BT-12", "BT-13", "BT-14", "BT-19",
        "BT-20", "BT-22", "BT-23", "BT-24", "BT-25", "BT-27", "BT-29", "BT-30", "BT-31", "BT-32", "BT-40", "BT-44",
        "BT-45", "BT-46", "BT-47", "BT-48", "BT-49", "BT-55", "BT-72", "BT-73", "BT-74", "BT-81", "BT-83", "BT-84",
        "BT-106", "BT-107", "BT-108", "BT-109", "BT-110", "BT-112", "BT-113", "BT-114", "BT-115",
        "BT-126", "BT-127", "BT-129", "BT-130", "BT-131", "BT-132", "BT-133", "BT-134", "BT-135", "BT-146", "BT-148",
        "BT-149", "BT-151", "BT-152", "BT-153", "BT-154", "BT-155", "BT-157", "VAT",
    ];

    private static readonly Dictionary<string, int> Index = Names
        .Select((name, i) => (name, i))
        .ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> All => Names;

    public static ColumnSet Columns { get; } = new(Names, letters: false);

    public static bool IsKnown(string name) => Index.ContainsKey(name.Trim());

    /// <summary>The header terms of a document, as the row every line repeats.</summary>
    public static string[] Header(EInvoice e)
    {
        var v = new string[Names.Length];
        Array.Fill(v, string.Empty);
        Set(v, "BT-1", e.Number);
        Set(v, "BT-2", Date(e.IssueDate));
        Set(v, "BT-3", e.TypeCode);
        Set(v, "TYPE", e.TypeCode);
        Set(v, "BT-5", e.Currency);
        Set(v, "BT-6", e.TaxCurrency);
        Set(v, "BT-9", Date(e.DueDate));
        Set(v, "BT-10", e.BuyerReference);
        Set(v, "BT-11", e.ProjectReference);
        Set(v, "BT-12", e.ContractReference);
        Set(v, "BT-13", e.PurchaseOrderReference);
        Set(v, "BT-14", e.SalesOrderReference);
        Set(v, "BT-19", e.BuyerAccountingReference);
        Set(v, "BT-20", e.PaymentTerms);
        Set(v, "BT-22", e.Notes.FirstOrDefault());
        Set(v, "BT-23", e.BusinessProcess);
        Set(v, "BT-24", e.SpecificationId);
        Set(v, "BT-25", e.PrecedingInvoices.FirstOrDefault());
        Set(v, "BT-27", e.Seller.Name);
        Set(v, "BT-29", e.Seller.Identifiers.FirstOrDefault()?.Value);
        Set(v, "BT-30", e.Seller.LegalId?.Value);
        Set(v, "BT-31", e.Seller.VatId);
        Set(v, "BT-32", e.Seller.TaxRegistrationId);
        Set(v, "BT-40", e.Seller.CountryCode);
        Set(v, "BT-44", e.Buyer.Name);
        Set(v, "BT-45", e.Buyer.TradingName);
        Set(v, "BT-46", e.Buyer.Identifiers.FirstOrDefault()?.Value);
        Set(v, "BT-47", e.Buyer.LegalId?.Value);
        Set(v, "BT-48", e.Buyer.VatId);
        Set(v, "BT-49", e.Buyer.ElectronicAddress?.Value);
        Set(v, "BT-55", e.Buyer.CountryCode);
        Set(v, "BT-72", Date(e.DeliveryDate));
        Set(v, "BT-73", Date(e.PeriodStart));
        Set(v, "BT-74", Date(e.PeriodEnd));
        Set(v, "BT-81", e.PaymentMeansCode);
        Set(v, "BT-83", e.PaymentReference);
        Set(v, "BT-84", e.PayeeAccount);
        var t = e.Totals;
        Set(v, "BT-106", Num(t.LineTotal));
        Set(v, "BT-107", Num(t.AllowanceTotal));
        Set(v, "BT-108", Num(t.ChargeTotal));
        Set(v, "BT-109", Num(t.TaxExclusive));
        Set(v, "BT-110", Num(t.TaxTotal));
        Set(v, "BT-112", Num(t.TaxInclusive));
        Set(v, "BT-113", Num(t.Prepaid));
        Set(v, "BT-114", Num(t.Rounding));
        Set(v, "BT-115", Num(t.Payable));
        return v;
    }

    /// <summary>The row of an invoice line: the header terms and the line's.</summary>
    public static TermRow Line(string[] header, EInvoiceLine l)
    {
        var v = (string[])header.Clone();
        Set(v, "BT-126", l.Id);
        Set(v, "BT-127", l.Note);
        Set(v, "BT-129", Num(l.Quantity));
        Set(v, "BT-130", l.UnitCode);
        Set(v, "BT-131", Num(l.NetAmount));
        Set(v, "BT-132", l.OrderLineReference);
        Set(v, "BT-133", l.BuyerAccountingReference);
        Set(v, "BT-134", Date(l.PeriodStart));
        Set(v, "BT-135", Date(l.PeriodEnd));
        Set(v, "BT-146", Num(l.NetPrice));
        Set(v, "BT-148", Num(l.GrossPrice));
        Set(v, "BT-149", Num(l.PriceBaseQuantity));
        Set(v, "BT-151", l.VatCategory);
        Set(v, "BT-152", Num(l.VatRate));
        Set(v, "BT-153", l.ItemName);
        Set(v, "BT-154", l.ItemDescription);
        Set(v, "BT-155", l.SellerItemId);
        Set(v, "BT-157", l.StandardItemId?.Value);
        Set(v, "VAT", VatKey.Of(l.VatCategory, l.VatRate));
        return new TermRow(v, l.Spot.Line ?? 0);
    }

    /// <summary>The row of a line the document does not have as such (a document allowance or charge, a VAT rate of a document without lines).</summary>
    public static TermRow Synthetic(string[] header, string description, decimal amount, string? category, decimal? rate, int? line)
    {
        var v = (string[])header.Clone();
        Set(v, "BT-129", "1");
        Set(v, "BT-131", Num(amount));
        Set(v, "BT-146", Num(amount));
        Set(v, "BT-151", category);
        Set(v, "BT-152", Num(rate));
        Set(v, "BT-153", description);
        Set(v, "VAT", VatKey.Of(category, rate));
        return new TermRow(v, line ?? 0);
    }

    private static void Set(string[] values, string term, string? value) => values[Index[term]] = value ?? string.Empty;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One canonical line of an e-invoice as a source row whose columns are <see cref="BusinessTerms"/>.</summary>
internal sealed class TermRow(string[] values, int line) : ISourceRow
{
    public int Line { get; } = line;

    public int FieldCount => values.Length;

    public string GetText(int index) => index >= 0 && index < values.Length ? values[index] ?? string.Empty : string.Empty;

    public bool TryGetUtf8(int index, out ReadOnlySpan<byte> value)
    {
        value = default;
        return false;
    }

    /// <summary>Dates are written yyyy-MM-dd, whatever date formats the profile gives for its own transforms.</summary>
    public bool TryGetDate(int index, out DateOnly value)
        => DateOnly.TryParseExact(GetText(index), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Numbers are written invariant.</summary>
    public bool TryGetNumber(int index, out decimal value)
        => decimal.TryParse(GetText(index), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
