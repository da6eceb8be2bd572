using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.EInvoicing.Mapping.MapperHelper;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class CreditNoteMappingTests
{
    [Fact]
    public void Map_UblCreditNoteWrittenPositive_IsNegated()
    {
        var e = EInvoiceFixtures.Valid() with { IsUblCreditNote = true, TypeCode = "381", Totals = EInvoiceFixtures.Valid().Totals with { Prepaid = 4m, Payable = 320m } };

        var i = Map(e).Invoice;

        i.Kind.ShouldBe(InvoiceKind.CreditNote);
        i.Lines[0].Quantity.ShouldBe(-2m);
        i.Lines[0].UnitPrice.ShouldBe(100m);
        i.Lines[0].Amount.ShouldBe(-200m);
        i.Lines[0].TaxAmount.ShouldBe(-40m);
        i.Lines[3].Amount.ShouldBe(10m);
        i.NetTotal.ShouldBe(-275m);
        i.TaxTotal.ShouldBe(-49m);
        (i.DeclaredNetTotal, i.DeclaredTaxTotal, i.DeclaredGrossTotal).ShouldBe((-275m, -49m, -324m));
        i.Electronic!.Payable.ShouldBe(-320m);
        i.Electronic.Prepaid.ShouldBe(-4m);
    }

    [Theory]
    [InlineData("381")]
    [InlineData("396")]
    [InlineData("261")]
    [InlineData("262")]
    [InlineData("296")]
    [InlineData("308")]
    [InlineData("420")]
    [InlineData("458")]
    [InlineData("532")]
    public void Map_CiiCreditTypeCode_IsANegativeCreditNote(string code)
    {
        var i = Map(CiiCreditNote() with { TypeCode = code }).Invoice;

        i.Kind.ShouldBe(InvoiceKind.CreditNote);
        i.GrossTotal.ShouldBe(-324m);
        i.DeclaredGrossTotal.ShouldBe(-324m);
        i.OriginalInvoiceNumber.ShouldBe("INV-2026-000");
    }

    [Fact]
    public void Map_CreditNoteWrittenNegative_StaysNegative()
    {
        var e = CiiCreditNote();
        e = e with
        {
            Lines = [EInvoiceFixtures.Line("1", -1m, 100m)],
            AllowancesCharges = [],
            VatBreakdown = [new VatBreakdown { Category = "S", Rate = 20m, TaxableAmount = -100m, TaxAmount = -20m }],
            Totals = new DocumentTotals { LineTotal = -100m, TaxExclusive = -100m, TaxTotal = -20m, TaxInclusive = -120m, Payable = -120m },
        };

        var i = Map(e).Invoice;

        i.Kind.ShouldBe(InvoiceKind.CreditNote);
        i.Lines[0].Amount.ShouldBe(-100m);
        i.Lines[0].Quantity.ShouldBe(-1m);
        i.Lines[0].TaxAmount.ShouldBe(-20m);
        i.DeclaredGrossTotal.ShouldBe(-120m);
        i.Electronic!.Payable.ShouldBe(-120m);
    }

    [Fact]
    public void Map_CorrectedInvoiceWithNegativeTotal_IsACreditNoteKeptNegative()
    {
        var e = EInvoiceFixtures.Valid() with
        {
            TypeCode = "384",
            Lines = [EInvoiceFixtures.Line("1", 1m, -50m)],
            AllowancesCharges = [],
            VatBreakdown = [new VatBreakdown { Category = "S", Rate = 20m, TaxableAmount = -50m, TaxAmount = -10m }],
            Totals = new DocumentTotals { LineTotal = -50m, TaxExclusive = -50m, TaxTotal = -10m, TaxInclusive = -60m, Payable = -60m },
        };

        var i = Map(e).Invoice;

        i.Kind.ShouldBe(InvoiceKind.CreditNote);
        i.NetTotal.ShouldBe(-50m);
        i.TaxTotal.ShouldBe(-10m);
        i.DeclaredGrossTotal.ShouldBe(-60m);
    }

    [Fact]
    public void Map_CorrectedInvoiceWithPositiveTotal_IsAnInvoice()
    {
        var i = Map(EInvoiceFixtures.Valid() with { TypeCode = "384" }).Invoice;

        i.Kind.ShouldBe(InvoiceKind.Invoice);
        i.GrossTotal.ShouldBe(324m);
    }
}
