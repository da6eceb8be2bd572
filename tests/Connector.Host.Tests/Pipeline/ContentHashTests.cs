using System.Reflection;
using Connector.Host.Pipeline;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Pipeline;

public sealed class ContentHashTests
{
    private static readonly Invoice Sample = new()
    {
        EntityCode = "FR01",
        Number = "F-1",
        IssueDate = new DateOnly(2026, 11, 2),
        DueDate = new DateOnly(2026, 12, 2),
        Currency = "EUR",
        PaymentTerms = "30 NET",
        Customer = new CustomerReference("C-1", "FR40303265045", "Électricité \"Moreau\" & Fils"),
        PurchaseOrder = "PO-1",
        OriginalInvoiceNumber = "F-0",
        Comments = "note",
        DeclaredNetTotal = 19.70m,
        DeclaredTaxTotal = 3.94m,
        DeclaredGrossTotal = 23.64m,
        Lines = [new InvoiceLine { LineNumber = 1, ItemCode = "A", Description = "Câble 3G2,5 mm²", Quantity = 2, UnitOfMeasure = "Each", UnitPrice = 9.85m, Amount = 19.70m, TaxCode = "T20", TaxRate = 20m, TaxAmount = 3.94m, SourceLine = 2 }],
        Source = new SourceLocation("a.csv", 2),
        Electronic = new EInvoiceFacts
        {
            Syntax = "CII in PDF", Profile = "EN 16931", SpecificationId = "urn:cen.eu:en16931:2017", TypeCode = "380",
            BuyerReference = "BR", ContractReference = "K-1", ProjectReference = "P-1", PaymentReference = "F-1",
            PayeeAccount = "FR7630006000011234567890189", PaymentTermsText = "30 jours", Prepaid = 0m, Rounding = 0m,
            Payable = 23.64m, SellerName = "Dupont", SellerVatId = "FR32123456789",
        },
    };

    [Fact]
    public void Of_SameContentElsewhereOrResolved_SameHash()
    {
        var elsewhere = Sample with
        {
            Source = new SourceLocation("b.csv", 40),
            Lines = [Sample.Lines[0] with { SourceLine = 41 }],
            ResolvedCustomer = new ResolvedCustomer("C-1", "Moreau", "S-1"),
        };

        ContentHash.Of(elsewhere).ShouldBe(ContentHash.Of(Sample));
        ContentHash.Of(Sample).Length.ShouldBe(32);
    }

    [Fact]
    public void Of_AnyContentPropertyChanged_DifferentHash()
    {
        var original = ContentHash.Of(Sample);
        var ignored = new HashSet<string> { nameof(Invoice.Source), nameof(Invoice.ResolvedCustomer), nameof(Invoice.Lines), nameof(InvoiceLine.SourceLine) };
        var changed = new List<string>();
        foreach (var property in typeof(Invoice).GetProperties().Where(p => p.SetMethod is not null && !ignored.Contains(p.Name)))
        {
            var copy = Copy(Sample);
            property.SetValue(copy, Other(property.PropertyType, property.GetValue(Sample)));
            ContentHash.Of(copy).ShouldNotBe(original, $"changing {property.Name} must change the hash");
            changed.Add(property.Name);
        }

        foreach (var property in typeof(InvoiceLine).GetProperties().Where(p => p.SetMethod is not null && !ignored.Contains(p.Name)))
        {
            var line = Copy(Sample.Lines[0]);
            property.SetValue(line, Other(property.PropertyType, property.GetValue(Sample.Lines[0])));
            ContentHash.Of(Sample with { Lines = [line] }).ShouldNotBe(original, $"changing line {property.Name} must change the hash");
            changed.Add("line." + property.Name);
        }

        foreach (var customer in new[] { Sample.Customer with { AccountNumber = "C-2" }, Sample.Customer with { TaxId = null }, Sample.Customer with { Name = "Moreau" } })
        {
            ContentHash.Of(Sample with { Customer = customer }).ShouldNotBe(original);
        }

        foreach (var property in typeof(EInvoiceFacts).GetProperties().Where(p => p.SetMethod is not null))
        {
            var facts = Copy(Sample.Electronic!);
            property.SetValue(facts, Other(property.PropertyType, property.GetValue(Sample.Electronic)));
            ContentHash.Of(Sample with { Electronic = facts }).ShouldNotBe(original, $"changing e-invoice {property.Name} must change the hash");
        }

        ContentHash.Of(Sample with { Customer = Sample.Customer with { OtherIds = ["0225:123456789"] } }).ShouldNotBe(original);
        changed.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Of_InvoiceWithoutEInvoiceFields_HashAsBeforeTheyExisted()
    {
        // The hash of a CSV record stored before e-invoices came in: a re-sent file must still be seen as the same content.
        ContentHash.Of(Sample with { Electronic = null }).ShouldBe("70807638e8575c2bca9342f7c4ce3f73");
    }

    [Fact]
    public void Of_SameAmountWrittenWithAnotherScale_DifferentHash()
    {
        // 19.7 and 19.70 are the same amount, but the source wrote them differently: that is another content.
        ContentHash.Of(Sample with { DeclaredNetTotal = 19.7m }).ShouldNotBe(ContentHash.Of(Sample));
    }

    private static T Copy<T>(T record)
        where T : class
        => (T)typeof(T).GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)!.Invoke(record, null)!;

    private static object? Other(Type type, object? value) => value switch
    {
        string text => text + "-changed",
        decimal number => number + 1m,
        int number => number + 1,
        DateOnly date => date.AddDays(1),
        InvoiceKind kind => kind == InvoiceKind.Invoice ? InvoiceKind.CreditNote : InvoiceKind.Invoice,
        CustomerReference reference => reference with { Name = reference.Name + "-changed" },
        EInvoiceFacts facts => facts with { Payable = facts.Payable + 1m },
        null when type == typeof(string) => "now set",
        null => throw new InvalidOperationException($"Give the sample a value for every {type.Name} property."),
        _ => throw new InvalidOperationException($"No changed value for {type.Name}: teach the test (and ContentHash) about it."),
    };
}
