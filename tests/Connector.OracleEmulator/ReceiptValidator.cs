using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

internal sealed record ValidatedReceipt(JsonObject Item, string Number, string BusinessUnit, DateOnly Date, decimal Amount, string? Customer);

/// <summary>Validates a standardReceipts POST body against the setup as Fusion does, collecting every refusal.</summary>
internal sealed class ReceiptValidator(EmulatorSetup setup)
{
    public const string ReferencesChild = "remittanceReferences";

    /// <summary>Writable attributes; every one is echoed (null when not sent) in the created item.</summary>
    public static readonly string[] Attributes =
    [
        "ReceiptNumber", "ReceiptMethod", "BusinessUnit", "Amount", "Currency", "ReceiptDate", "AccountingDate",
        "CustomerName", "CustomerAccountNumber", "CustomerSite", "TaxpayerIdentificationNumber", "ConversionRateType",
        "ConversionDate", "ConversionRate", "Comments", "DocumentNumber", "MaturityDate", "PostmarkDate",
        "RemittanceBankAccountNumber", "RemittanceBankName", "RemittanceBankBranch", "RemittanceBankDepositDate",
        "RemittanceBankAllowOverride",
    ];

    private static readonly HashSet<string> Known = new([.. Attributes, ReferencesChild], StringComparer.Ordinal);
    private static readonly HashSet<string> ReferenceAttributes = new(["ReceiptMatchBy", "ReferenceNumber", "ReferenceAmount"], StringComparer.Ordinal);

    public ValidatedReceipt? Validate(JsonObject body, List<OracleError> errors)
    {
        var f = new JsonFields(body, "", errors);
        f.RefuseUnknown("standardReceipts", Known);
        var amount = Amount(f, body);
        var buName = f.Text("BusinessUnit", 240, required: true);
        var number = f.Text("ReceiptNumber", 30, required: true);
        var methodName = f.Text("ReceiptMethod", 30, required: true);
        var currency = f.Text("Currency", 15);
        var date = f.Date("ReceiptDate");
        var accountingDate = f.Date("AccountingDate");
        var account = f.Text("CustomerAccountNumber", 30);
        var site = f.Text("CustomerSite", 150);
        var bank = f.Text("RemittanceBankAccountNumber", 100);
        f.Text("Comments", 200);

        var bu = buName is null ? null : setup.BusinessUnits.FirstOrDefault(b => b.Name == buName);
        if (buName is not null && bu is null)
        {
            f.Add("AR_RAPI_BU_INVALID", $"The business unit {buName} isn't valid.", "BusinessUnit");
        }

        var method = bu is null || methodName is null ? null
            : setup.ReceiptMethods.FirstOrDefault(m => m.Name == methodName && m.BusinessUnit == bu.Name);
        if (bu is not null && methodName is not null && method is null)
        {
            f.Add("AR_INVAL_RECEIPT_MTH_ID", $"The receipt method {methodName} isn't valid for the business unit {bu.Name}.", "ReceiptMethod");
        }

        if (method is not null && bank is not null && !method.RemittanceBankAccounts.Contains(bank, StringComparer.Ordinal))
        {
            f.Add("AR_RAPI_REM_BANK_ACCT_INVALID",
                $"The remittance bank account {bank} isn't assigned to the receipt method {method.Name}.", "RemittanceBankAccountNumber");
        }

        if (currency is not null && !setup.Currencies.ContainsKey(currency))
        {
            f.Add("AR_RAPI_CURR_CODE_INVALID", $"The currency {currency} isn't valid.", "Currency");
        }

        var customer = CheckCustomer(f, bu, account, site);
        var references = References(body[ReferencesChild], errors);
        if (errors.Count > 0 || bu is null || method is null || amount is null || number is null)
        {
            return null;
        }

        var receiptDate = date ?? DateOnly.FromDateTime(setup.Clock.GetUtcNow().UtcDateTime);
        var item = new JsonObject();
        foreach (var name in Attributes)
        {
            item[name] = body[name]?.DeepClone();
        }

        item["Amount"] = amount.Value;
        item["Currency"] = currency ?? bu.LedgerCurrency;
        item["ReceiptDate"] = Iso(receiptDate);
        item["AccountingDate"] = Iso(accountingDate ?? receiptDate);
        item["RemittanceBankDepositDate"] ??= Iso(receiptDate);
        item["RemittanceBankAccountNumber"] = bank ?? method.RemittanceBankAccounts[0];
        item["RemittanceBankAllowOverride"] ??= "N";
        if (customer is not null)
        {
            item["CustomerName"] ??= customer.Name;
            item["CustomerSite"] = site ?? customer.BillToSites.FirstOrDefault();
        }

        // Applied only by AutoMatch, which the emulator does not run: the whole amount stays unapplied.
        item["State"] = null;
        item["Status"] = null;
        item["UnappliedAmount"] = amount.Value;
        item[ReferencesChild] = references;
        return new ValidatedReceipt(item, number, bu.Name, receiptDate, amount.Value, account);
    }

    /// <summary>Amount is a number in the schema, but Oracle's own examples send it as a string: both are taken.</summary>
    private static decimal? Amount(JsonFields f, JsonObject body)
    {
        if (body["Amount"] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>().Trim();
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                return Positive(f, parsed);
            }

            f.Add(JsonFields.InvalidValueCode, $"The value {text} isn't valid for the attribute Amount.", "Amount");
            return null;
        }

        return f.Number("Amount", required: true) is { } number ? Positive(f, number) : null;
    }

    private static decimal? Positive(JsonFields f, decimal amount)
    {
        if (amount > 0)
        {
            return amount;
        }

        f.Add(JsonFields.InvalidValueCode, "The receipt amount must be greater than zero.", "Amount");
        return null;
    }

    private EmulatedCustomer? CheckCustomer(JsonFields f, EmulatedBusinessUnit? bu, string? account, string? site)
    {
        if (account is null)
        {
            if (site is not null)
            {
                f.Add(JsonFields.RequiredCode, "You must provide a value for the attribute CustomerAccountNumber.", "CustomerAccountNumber");
            }

            return null;
        }

        // With an unknown business unit only the account itself is checked: the business unit is reported already.
        var customer = setup.Customers.FirstOrDefault(c => c.AccountNumber == account && c.Active && (bu is null || c.BusinessUnit == bu.Name));
        if (customer is null)
        {
            f.Add("AR_RAPI_CUST_NUM_INVALID", $"The customer account {account} isn't valid.", "CustomerAccountNumber");
            return null;
        }

        if (site is not null && !customer.BillToSites.Contains(site, StringComparer.Ordinal))
        {
            f.Add("AR_RAPI_CUST_SITE_INVALID", $"The customer site {site} isn't valid for the customer account {account}.", "CustomerSite");
            return null;
        }

        return customer;
    }

    private static JsonArray References(JsonNode? node, List<OracleError> errors)
    {
        var result = new JsonArray();
        if (node is null)
        {
            return result;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new OracleError(JsonFields.InvalidValueCode, "remittanceReferences must be an array.", ReferencesChild));
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{ReferencesChild}[{i}].");
            if (array[i] is not JsonObject json)
            {
                errors.Add(new OracleError(JsonFields.InvalidValueCode, "A remittance reference must be an object.", prefix));
                continue;
            }

            var f = new JsonFields(json, prefix, errors);
            f.RefuseUnknown(ReferencesChild, ReferenceAttributes);
            f.Text("ReceiptMatchBy", 30);
            f.Text("ReferenceNumber", 50, required: true);
            result.Add(json.DeepClone());
        }

        return result;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
