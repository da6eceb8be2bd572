using System.Globalization;
using P = Connector.OracleEmulator.InterfacePositions;

namespace Connector.OracleEmulator;

/// <summary>One reason a row is rejected: MESSAGE_TEXT and INVALID_VALUE.</summary>
internal sealed record LineFault(string Message, string? InvalidValue);

/// <summary>A row that passed the rules, with what its invoice is made of.</summary>
internal sealed record CheckedLine(decimal Amount, decimal? Quantity, decimal? UnitPrice);

/// <summary>AutoInvoice's per-row validation of RA_INTERFACE_LINES_ALL against the pod's setup (messages after Oracle's).</summary>
internal sealed class AutoInvoiceLineRules(EmulatorSetup setup, EmulatedBusinessUnit bu, EmulatedTransactionSource source)
{
    private const string DateFormat = "yyyy/MM/dd";
    private const int AttributeMaxLength = 30;

    public CheckedLine? Check(InterfaceLine row, List<LineFault> faults)
    {
        CheckBusinessUnit(row, faults);
        if (row[P.BatchSourceName] != source.Name)
        {
            faults.Add(new($"The transaction source isn't the one the import was submitted for ({source.Name}).", row[P.BatchSourceName]));
        }

        var type = setup.TransactionTypes.FirstOrDefault(t => t.Name == row[P.CustTrxTypeName] && t.BusinessUnit == bu.Name);
        if (type is null)
        {
            faults.Add(new("You must enter a valid transaction type.", row[P.CustTrxTypeName]));
        }

        CheckTerms(row, type, faults);
        CheckDate(row, P.TrxDate, "transaction date", required: true, faults);
        CheckDate(row, P.GlDate, "accounting date", required: false, faults);
        var number = row[P.TrxNumber];
        if ((source.Numbering == NumberingMode.Manual) != (number.Length > 0))
        {
            faults.Add(new(AutoInvoiceMessages.TrxNumber, number));
        }
        else if (number.Length > 20)
        {
            faults.Add(new("The transaction number must not be longer than 20 characters.", number));
        }

        CheckCustomer(row, faults);
        if (row[P.LineType] != "LINE")
        {
            faults.Add(new("You must enter a valid line type. The import takes LINE.", row[P.LineType]));
        }

        if (row[P.Description].Length == 0)
        {
            faults.Add(new("You must provide a description for the line.", null));
        }
        else if (row[P.Description].Length > 240)
        {
            faults.Add(new("The description must not be longer than 240 characters.", row[P.Description]));
        }

        var precision = CheckCurrency(row, faults);
        var amounts = CheckAmounts(row, precision, faults);
        CheckFlexfieldLengths(row, faults);
        return faults.Count == 0 ? amounts : null;
    }

    private void CheckBusinessUnit(InterfaceLine row, List<LineFault> faults)
    {
        var id = row[P.OrgId];
        var name = row[P.BuName];
        if (id.Length > 0 && id != bu.Id.ToString(CultureInfo.InvariantCulture))
        {
            faults.Add(new("You must enter a valid business unit identifier for the business unit of the import.", id));
        }

        if (name.Length > 0 && name != bu.Name)
        {
            faults.Add(new("You must enter a valid business unit name for the business unit of the import.", name));
        }

        if (id.Length == 0 && name.Length == 0)
        {
            faults.Add(new("You must provide a business unit.", null));
        }
    }

    private void CheckTerms(InterfaceLine row, EmulatedTransactionType? type, List<LineFault> faults)
    {
        var terms = row[P.TermName];
        if (type?.Class == TransactionClass.CreditMemo && terms.Length > 0)
        {
            faults.Add(new("You must not provide payment terms for a credit memo.", terms));
        }
        else if (type?.Class == TransactionClass.Invoice && terms.Length == 0)
        {
            faults.Add(new("You must provide payment terms for an invoice.", null));
        }
        else if (terms.Length > 0 && !setup.PaymentTerms.Any(t => t.Name == terms))
        {
            faults.Add(new("You must enter valid payment terms.", terms));
        }
    }

    private static void CheckDate(InterfaceLine row, int position, string what, bool required, List<LineFault> faults)
    {
        var text = row[position];
        if (text.Length == 0 ? required
            : !DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            faults.Add(new($"You must provide a valid {what} in the format YYYY/MM/DD.", text.Length == 0 ? null : text));
        }
    }

    private void CheckCustomer(InterfaceLine row, List<LineFault> faults)
    {
        var account = row[P.BillCustomerAccountNumber];
        var customer = setup.Customers.FirstOrDefault(c => c.AccountNumber == account && c.Active && c.BusinessUnit == bu.Name);
        if (customer is null)
        {
            faults.Add(new("You must enter a valid bill-to customer account number.", account.Length == 0 ? null : account));
            return;
        }

        var site = row[P.BillCustomerSiteNumber];
        if (site.Length > 0 && !customer.BillToSites.Contains(site, StringComparer.Ordinal))
        {
            faults.Add(new("You must enter a valid bill-to customer site number for the bill-to customer account.", site));
        }
    }

    private int CheckCurrency(InterfaceLine row, List<LineFault> faults)
    {
        var currency = row[P.CurrencyCode];
        if (!setup.Currencies.TryGetValue(currency, out var precision))
        {
            faults.Add(new("You must enter a valid currency code.", currency.Length == 0 ? null : currency));
            return 2;
        }

        var type = row[P.ConversionType];
        if (currency != bu.LedgerCurrency && type.Length == 0)
        {
            faults.Add(new("You must provide a conversion type for a transaction in a foreign currency.", null));
        }
        else if (type.Length > 0 && type is not ("User" or "Corporate" or "Spot"))
        {
            faults.Add(new("You must enter a valid conversion type.", type));
        }
        else if (type == "User" && Number(row[P.ConversionRate]) is not > 0)
        {
            faults.Add(new("You must provide a conversion rate for the conversion type User.", row[P.ConversionRate]));
        }

        return precision;
    }

    private static CheckedLine? CheckAmounts(InterfaceLine row, int precision, List<LineFault> faults)
    {
        var amount = Number(row[P.Amount]);
        var quantity = Number(row[P.Quantity]);
        var price = Number(row[P.UnitSellingPrice]);
        foreach (var (position, value) in new[] { (P.Amount, amount), (P.Quantity, quantity), (P.UnitSellingPrice, price) })
        {
            if (row[position].Length > 0 && value is null)
            {
                faults.Add(new("You must provide a valid number.", row[position]));
                return null;
            }
        }

        if (amount is null)
        {
            faults.Add(new("You must provide a line amount.", null));
            return null;
        }

        if (decimal.Round(amount.Value, precision) != amount.Value)
        {
            faults.Add(new($"The amount has more decimal places than the currency allows ({precision}).", row[P.Amount]));
            return null;
        }

        if (quantity is { } q && price is { } p
            && Math.Abs(decimal.Round(q * p, precision, MidpointRounding.AwayFromZero) - amount.Value) > 0m)
        {
            faults.Add(new("The line amount must equal the quantity multiplied by the unit selling price.", row[P.Amount]));
            return null;
        }

        return new CheckedLine(amount.Value, quantity, price);
    }

    private static void CheckFlexfieldLengths(InterfaceLine row, List<LineFault> faults)
    {
        for (var n = 1; n <= 15; n++)
        {
            var value = row[P.InterfaceLineAttribute1 + n - 1];
            if (value.Length > AttributeMaxLength)
            {
                faults.Add(new(string.Create(CultureInfo.InvariantCulture,
                    $"The value of INTERFACE_LINE_ATTRIBUTE{n} must not be longer than {AttributeMaxLength} characters."), value));
            }
        }
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
