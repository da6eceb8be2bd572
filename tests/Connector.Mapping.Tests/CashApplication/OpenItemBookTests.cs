using Connector.Mapping.CashApplication;
using static Connector.Mapping.Tests.CashApplication.CashFixtures;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class OpenItemBookTests
{
    [Fact]
    public void Build_SameNumberPostedByConnectorAndReadFromErp_KeepsTheErpItemOnce()
    {
        var posted = Item("INV-1", "C-1", 100m) with { Origin = "connector" };
        var read = Item("INV-1", "C-1", 60m) with { ErpId = "300100" };

        var book = OpenItemBook.Build([posted, read, Item("INV-2", "C-1", 0m)]);

        book.Count.ShouldBe(1);
        book[0].ErpId.ShouldBe("300100");
        book.ByExactNumber("INV-1").ShouldBe([0]);
    }

    [Fact]
    public void Lookups_ByNormalisedKeyCustomerAmountAndReference_FindTheItem()
    {
        var book = OpenItemBook.Build([Item("INV-0001234", "C-1", 250.10m) with { PaymentReference = "RF18 5390 0754 7034", PurchaseOrder = "PO-77" }, Item("INV-0001235", "C-2", 9m)]);

        book.ByNormalisedKey("1234").ShouldBe([0]);
        book.ByFoldedKey("1234").ShouldBe([0]);
        book.ByCustomer(" c-1 ").ShouldBe([0]);
        book.ByOpenAmount(250.1m).ShouldBe([0]);
        book.ByReference("rf18539007547034").ShouldBe([0]);
        book.ByReference("PO 77").ShouldBe([0]);
        book.ByExactNumber("INV-0001236").ShouldBeEmpty();
    }

    [Fact]
    public void TryReserve_BeyondWhatIsOpen_TakesNothingAtAll()
    {
        var book = OpenItemBook.Build([Item("A-1", "C-1", 100m), Item("A-2", "C-1", 50m)]);

        book.TryReserve([(0, 60m), (1, 50m)]).ShouldBeTrue();
        book.TryReserve([(0, 30m), (1, 0.01m)]).ShouldBeFalse();

        book.Available(0).ShouldBe(40m);
        book.Available(1).ShouldBe(0m);
        book.Release([(1, 50m)]);
        book.Available(1).ShouldBe(50m);
    }

    [Fact]
    public void TryReserve_CreditNote_TakesNegativeAmountsOnly()
    {
        var book = OpenItemBook.Build([Item("CN-1", "C-1", -40m)]);

        book.TryReserve([(0, 40m)]).ShouldBeFalse();
        book.TryReserve([(0, -40m)]).ShouldBeTrue();
        book.Available(0).ShouldBe(0m);
    }

    [Fact]
    public void LooksLikeInvoiceNumber_LearnsTheShapesOfTheBook()
    {
        var book = OpenItemBook.Build([Item("F26-004512", "C-1", 1m), Item("F26-010000", "C-1", 1m)]);

        book.LooksLikeInvoiceNumber("F26004599").ShouldBeTrue();
        book.LooksLikeInvoiceNumber("F2600459").ShouldBeTrue();
        book.LooksLikeInvoiceNumber("20261103").ShouldBeFalse();
        book.LooksLikeInvoiceNumber("AB12").ShouldBeFalse();
    }

    [Fact]
    public void Build_TwoHundredThousandItems_IsFastAndFindsEach()
    {
        var items = Enumerable.Range(1, 200_000).Select(i => Item($"INV-{i:0000000}", $"C-{i % 5000}", 10m + (i % 9973))).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var book = OpenItemBook.Build(items);

        watch.Stop();
        book.Count.ShouldBe(200_000);
        book.ByNormalisedKey("199999").ShouldHaveSingleItem();
        book.ByCustomer("C-17").Count.ShouldBe(40);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }
}
