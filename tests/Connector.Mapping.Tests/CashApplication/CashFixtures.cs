using Connector.Mapping.CashApplication;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.CashApplication;

internal static class CashFixtures
{
    public static readonly DateOnly Day0 = new(2026, 10, 1);

    public static IReadOnlyList<Customer> Customers { get; } =
    [
        new() { AccountNumber = "C-1", Name = "Acme Corporation", TaxIds = ["FR40303265045"] },
        new() { AccountNumber = "C-2", Name = "Globex Industries Inc" },
        new() { AccountNumber = "C-3", Name = "Initech Ltd" },
    ];

    public static CustomerMatcher Matcher(params CustomerAlias[] aliases) => CustomerMatcher.Build(Customers, aliases, new MatchingOptions());

    public static OpenItem Item(string number, string account, decimal open, int invoiceDay = 0, string currency = "EUR", decimal? discountPercent = null, int? discountDays = null)
        => new()
        {
            EntityCode = "FR01",
            Number = number,
            CustomerAccount = account,
            Currency = currency,
            InvoiceDate = Day0.AddDays(invoiceDay),
            DueDate = Day0.AddDays(invoiceDay + 30),
            OriginalAmount = open,
            OpenAmount = open,
            DiscountPercent = discountPercent,
            DiscountDays = discountDays,
            PaymentTerms = discountPercent is null ? "30 NET" : $"{discountPercent}/{discountDays} NET 30",
        };

    public static Remittance Payment(decimal amount, string? payerName = null, string? account = null, string? text = null, int paidDay = 5,
        string currency = "EUR", string? bankAccount = null, params RemittanceLine[] lines)
        => new()
        {
            EntityCode = "FR01",
            Amount = amount,
            Currency = currency,
            PaymentDate = Day0.AddDays(paidDay),
            Payer = new PayerReference { Name = payerName, CustomerAccount = account, BankAccount = bankAccount },
            FreeText = text,
            Lines = lines,
            Source = new SourceLocation("test.xml", 1),
        };

    public static RemittanceLine Line(int number, string? reference, decimal? paid, ReferenceKind kind = ReferenceKind.Invoice, decimal? deduction = null, string? reason = null, string? text = null)
        => new()
        {
            LineNumber = number,
            Reference = reference,
            AmountPaid = paid,
            Kind = kind,
            Deduction = deduction,
            DeductionReason = reason,
            Text = text,
            Source = new SourceLocation("test.xml", number),
        };

    public static CashApplicationResult Apply(Remittance payment, params OpenItem[] items)
        => Engine().Apply(payment, OpenItemBook.Build(items), Matcher());

    public static CashApplicationEngine Engine(CashApplicationOptions? options = null) => new(options ?? new CashApplicationOptions());
}
