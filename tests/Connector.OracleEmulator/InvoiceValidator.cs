using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

internal sealed record ValidatedInvoice(
    JsonObject Header, EmulatedTransactionSource Source, string? TransactionNumber, IReadOnlyList<ValidatedLine> Lines);

/// <summary>Validates a POST body against the setup as Fusion does, collecting every refusal.</summary>
internal sealed class InvoiceValidator(EmulatorSetup setup)
{
    public const string LinesChild = "receivablesInvoiceLines";

    /// <summary>Writable header attributes; every one is echoed (null when not sent) in the created item.</summary>
    public static readonly string[] HeaderAttributes =
    [
        "BusinessUnit", "TransactionSource", "TransactionType", "TransactionNumber", "TransactionDate",
        "AccountingDate", "DueDate", "BillingDate", "BillToCustomerNumber", "BillToCustomerName", "BillToSite",
        "BillToContact", "ShipToCustomerName", "ShipToCustomerNumber", "ShipToSite", "ShipToContact", "PaymentTerms",
        "InvoiceCurrencyCode", "ConversionRateType", "ConversionDate", "ConversionRate", "CrossReference",
        "DocumentNumber", "PurchaseOrder", "PurchaseOrderDate", "PurchaseOrderRevision", "Comments", "InternalNotes",
        "SpecialInstructions", "LegalEntityIdentifier", "FirstPartyRegistrationNumber",
        "ThirdPartyRegistrationNumber", "InvoiceStatus", "AllowCompletion", "BankAccountNumber",
    ];

    private static readonly HashSet<string> Known = new([.. HeaderAttributes, LinesChild], StringComparer.Ordinal);

    public ValidatedInvoice? Validate(JsonObject body, List<OracleError> errors)
    {
        var f = new JsonFields(body, "", errors);
        f.RefuseUnknown("receivablesInvoices", Known);
        var buName = f.Text("BusinessUnit", 240, required: true);
        var sourceName = f.Text("TransactionSource", 50, required: true);
        var typeName = f.Text("TransactionType", 20, required: true);
        var transactionDate = f.Date("TransactionDate", required: true);
        var accountNumber = f.Text("BillToCustomerNumber", 30, required: true);
        var currency = f.Text("InvoiceCurrencyCode", 15, required: true);
        var number = f.Text("TransactionNumber", 20);
        var siteNumber = f.Text("BillToSite", 150);
        var terms = f.Text("PaymentTerms", 30);
        foreach (var name in new[] { "AccountingDate", "DueDate", "BillingDate", "ConversionDate", "PurchaseOrderDate" })
        {
            f.Date(name);
        }

        foreach (var name in new[] { "BillToCustomerName", "BillToContact", "ShipToCustomerName" })
        {
            f.Text(name, 360);
        }

        var bu = buName is null ? null : setup.BusinessUnits.FirstOrDefault(b => b.Name == buName);
        if (buName is not null && bu is null)
        {
            f.Add("AR_BU_NOT_FOUND", $"The business unit {buName} isn't valid.", "BusinessUnit");
        }

        var source = bu is null || sourceName is null ? null
            : setup.TransactionSources.FirstOrDefault(s => s.Name == sourceName && s.BusinessUnit == bu.Name);
        if (bu is not null && sourceName is not null && source is null)
        {
            f.Add("AR_BATCH_SOURCE_NOT_FOUND",
                $"The transaction source {sourceName} isn't valid for the business unit {bu.Name}.", "TransactionSource");
        }

        var type = bu is null || typeName is null ? null
            : setup.TransactionTypes.FirstOrDefault(t => t.Name == typeName && t.BusinessUnit == bu.Name);
        if (bu is not null && typeName is not null && type is null)
        {
            f.Add("AR_TRX_TYPE_NOT_FOUND",
                $"The transaction type {typeName} isn't valid for the business unit {bu.Name}.", "TransactionType");
        }

        var customer = CheckCustomer(f, bu, accountNumber, ref siteNumber);
        var dueDays = CheckTerms(f, type, terms);
        CheckCurrency(f, bu, currency);
        CheckNumber(f, source, number);
        CheckChoice(f, "InvoiceStatus", ["Complete", "Incomplete"]);
        CheckChoice(f, "AllowCompletion", ["Y", "N"]);
        var precision = currency is not null && setup.Currencies.TryGetValue(currency, out var p) ? p : 2;
        var lines = new LineValidator().Validate(body[LinesChild], precision, errors);
        if (type?.Class == TransactionClass.CreditMemo && lines.Count > 0 && lines.Sum(l => l.LineAmount) >= 0)
        {
            // A credit memo type has a negative creation sign: quantities x prices must total less than zero.
            f.Add("AR_TRX_SIGN_INVALID", $"The transaction type {type.Name} is a credit memo type, so the transaction total must be negative.", LinesChild);
        }


        if (errors.Count > 0 || source is null || customer is null || transactionDate is null)
        {
            return null;
        }

        var header = new JsonObject();
        foreach (var name in HeaderAttributes)
        {
            header[name] = body[name]?.DeepClone();
        }

        header["BillToSite"] = siteNumber;
        header["BillToCustomerName"] ??= customer.Name;
        header["AccountingDate"] ??= Iso(transactionDate.Value);
        if (dueDays is { } days)
        {
            header["DueDate"] ??= Iso(transactionDate.Value.AddDays(days));
        }

        header["InvoiceStatus"] ??= "Complete";
        return new ValidatedInvoice(header, source, number, lines);
    }

    private EmulatedCustomer? CheckCustomer(JsonFields f, EmulatedBusinessUnit? bu, string? account, ref string? site)
    {
        if (account is null)
        {
            return null;
        }

        var customer = setup.Customers.FirstOrDefault(c => c.AccountNumber == account && c.Active);
        if (customer is null)
        {
            f.Add("AR_BILL_TO_CUST_NOT_FOUND", $"The bill-to customer account {account} isn't valid.", "BillToCustomerNumber");
            return null;
        }

        if (bu is null)
        {
            return customer;
        }

        site ??= customer.BusinessUnit == bu.Name ? customer.BillToSites.FirstOrDefault() : null;
        if (site is null || customer.BusinessUnit != bu.Name || !customer.BillToSites.Contains(site, StringComparer.Ordinal))
        {
            f.Add("AR_BILL_TO_SITE_NOT_FOUND",
                $"The bill-to site {site} isn't valid for the customer account {account} in the business unit {bu.Name}.",
                "BillToSite");
            return null;
        }

        return customer;
    }

    private int? CheckTerms(JsonFields f, EmulatedTransactionType? type, string? terms)
    {
        if (terms is null)
        {
            if (type?.Class == TransactionClass.Invoice && !f.HasError("PaymentTerms"))
            {
                f.Add(JsonFields.RequiredCode, "You must provide a value for the attribute PaymentTerms.", "PaymentTerms");
            }

            return null;
        }

        var term = setup.PaymentTerms.FirstOrDefault(t => t.Name == terms);
        if (term is null)
        {
            f.Add("AR_TERMS_NOT_FOUND", $"The payment terms {terms} aren't valid.", "PaymentTerms");
        }

        return term?.DueDays;
    }

    private void CheckCurrency(JsonFields f, EmulatedBusinessUnit? bu, string? currency)
    {
        var rateType = f.Text("ConversionRateType", 30);
        var rate = f.Number("ConversionRate");
        if (currency is null)
        {
            return;
        }

        if (!setup.Currencies.ContainsKey(currency))
        {
            f.Add("AR_CURRENCY_NOT_FOUND", $"The currency {currency} isn't valid.", "InvoiceCurrencyCode");
            return;
        }

        if (bu is null || currency == bu.LedgerCurrency)
        {
            return;
        }

        if (rateType is null)
        {
            f.Add("AR_FUNC_CURRENCY_REQ",
                $"You must provide a conversion rate type because {currency} isn't the ledger currency {bu.LedgerCurrency}.",
                "ConversionRateType");
        }
        else if (rateType is not ("Corporate" or "Spot" or "User"))
        {
            f.Add(JsonFields.InvalidValueCode, $"The conversion rate type {rateType} isn't valid.", "ConversionRateType");
        }
        else if (rateType == "User" && rate is not > 0)
        {
            f.Add(JsonFields.RequiredCode, "You must provide a value for the attribute ConversionRate.", "ConversionRate");
        }
    }

    private static void CheckNumber(JsonFields f, EmulatedTransactionSource? source, string? number)
    {
        if (source?.Numbering == NumberingMode.Manual && number is null && !f.HasError("TransactionNumber"))
        {
            f.Add(JsonFields.RequiredCode, "You must provide a value for the attribute TransactionNumber.", "TransactionNumber");
        }
        else if (source?.Numbering == NumberingMode.Automatic && number is not null)
        {
            f.Add("AR_TRX_NUM_NOT_ALLOWED",
                $"The transaction source {source.Name} numbers transactions automatically, so TransactionNumber must not be provided.",
                "TransactionNumber");
        }
    }

    private static void CheckChoice(JsonFields f, string name, string[] allowed)
    {
        var value = f.Text(name, 30);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            f.Add(JsonFields.InvalidValueCode, $"The value {value} isn't valid for the attribute {name}.", name);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
