using Connector.Mapping.Profiles;
using Connector.Mapping.Validation;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// The code lists: BR-CL-01 (type code, the UNTDID 1001 subset the EN allows), BR-CL-04/05 (ISO 4217 currencies of
/// BT-5 and BT-6; BR-CL-03, the currency of each amount, is the reader's to check), BR-CL-14 (ISO 3166-1 countries),
/// BR-CL-17/18 (UNCL5305 VAT categories of the breakdown, and of lines and allowances/charges) and BR-CL-23 (the
/// shape of a UN/ECE Recommendation 20/21 unit code).
/// </summary>
internal static class CodeListRules
{
    private static readonly HashSet<string> TypeCodes = new(StringComparer.Ordinal)
    {
        "71", "80", "81", "82", "84", "102", "130", "202", "203", "204", "211", "218", "219", "261", "262", "295", "296",
        "308", "325", "326", "331", "380", "381", "382", "383", "384", "385", "386", "387", "388", "389", "390", "393",
        "394", "395", "396", "420", "456", "457", "458", "527", "532", "553", "575", "623", "633", "751", "780", "817",
        "870", "875", "876", "877", "935",
    };

    private static readonly HashSet<string> VatCategories = new(StringComparer.Ordinal) { "S", "Z", "E", "AE", "K", "G", "O", "L", "M" };

    public static void Check(CheckContext c)
    {
        var inv = c.Invoice;
        if (inv.TypeCode is { } type && !string.IsNullOrWhiteSpace(type) && !TypeCodes.Contains(type.Trim()))
        {
            c.Error("BR-CL-01", $"the invoice type code (BT-3) '{type}' is not one of the UNTDID 1001 codes EN 16931 allows (380 invoice, 381 credit note, 384 corrected invoice, 389 self-billed...)", inv.SpotOf("BT-3"), "BT-3", type);
        }

        Currency(c, "BR-CL-04", "the invoice currency code", "BT-5", inv.Currency);
        Currency(c, "BR-CL-05", "the VAT accounting currency code", "BT-6", inv.TaxCurrency);
        Country(c, "the seller's country code", "BT-40", inv.Seller);
        Country(c, "the buyer's country code", "BT-55", inv.Buyer);

        foreach (var b in inv.VatBreakdown)
        {
            Category(c, "BR-CL-17", "BT-118", b.Category, b.Spot);
        }

        foreach (var a in inv.AllowancesCharges)
        {
            Category(c, "BR-CL-18", a.IsCharge ? "BT-102" : "BT-95", a.VatCategory, a.Spot);
        }

        foreach (var line in inv.Lines)
        {
            Category(c, "BR-CL-18", "BT-151", line.VatCategory, line.Spot);
            if (line.UnitCode is { } unit && !string.IsNullOrWhiteSpace(unit) && !IsUnitShape(unit))
            {
                c.Error("BR-CL-23", $"line {line.Id}: the unit of measure (BT-130) '{unit}' is not a UN/ECE Recommendation 20/21 code (2 or 3 upper-case letters or digits, e.g. C62, H87, HUR, KGM)", line.Spot, "BT-130", unit);
            }
        }
    }

    private static void Currency(CheckContext c, string rule, string what, string bt, string? code)
    {
        if (code is not null && !string.IsNullOrWhiteSpace(code) && !Iso4217.IsActive(code))
        {
            c.Error(rule, $"{what} ({bt}) '{code}' is not an ISO 4217 currency code", c.Invoice.SpotOf(bt), bt, code);
        }
    }

    private static void Country(CheckContext c, string what, string bt, EInvoiceParty party)
    {
        if (party.CountryCode is { } code && !string.IsNullOrWhiteSpace(code) && !IsoCodes.IsCountry(code))
        {
            c.Error("BR-CL-14", $"{what} ({bt}) '{code}' is not an ISO 3166-1 alpha-2 country code", party.Spot, bt, code);
        }
    }

    private static void Category(CheckContext c, string rule, string bt, string? category, XmlSpot spot)
    {
        if (category is not null && !string.IsNullOrWhiteSpace(category) && !VatCategories.Contains(category))
        {
            c.Error(rule, $"the VAT category code ({bt}) '{category}' is not one of the UNCL5305 codes EN 16931 allows: S, Z, E, AE, K, G, O, L, M", spot, bt, category);
        }
    }

    private static bool IsUnitShape(string unit) => unit.Length is 2 or 3 && unit.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch));
}
