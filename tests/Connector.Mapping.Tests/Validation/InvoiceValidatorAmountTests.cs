using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Validation.ValidationFixtures;

namespace Connector.Mapping.Tests.Validation;

public sealed class InvoiceValidatorAmountTests
{
    [Fact]
    public void Validate_LineWithoutDescription_IsFieldRequiredOnThatLine()
    {
        var problem = Validate(WithLine(Sample, 1, l => l with { Description = "" })).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("description");
        problem.Location.Line.ShouldBe(3);
        problem.Location.Document.ShouldBe("factures.csv");
    }

    [Fact]
    public void Validate_QuantityTimesPriceNotTheAmount_IsLineArithmetic()
    {
        var invoice = WithLine(Sample, 0, l => l with { UnitPrice = 50.5m }) with { DeclaredNetTotal = null, DeclaredTaxTotal = null, DeclaredGrossTotal = null };

        var problem = Validate(invoice).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.LineArithmetic);
        problem.Location.Line.ShouldBe(2);
        problem.Field.ShouldBe("amount");
        problem.Message.ShouldBe("Line 1: quantity 2 x unit price 50.5 = 101.0, but the amount is 100 (difference 1.0).");
    }

    [Fact]
    public void Validate_DifferenceWithinTolerance_IsAccepted()
    {
        var invoice = WithLine(Sample, 1, l => l with { Quantity = 3, UnitPrice = 3.335m, Amount = 10.01m, TaxAmount = 2.0m })
            with { DeclaredNetTotal = 110.01m, DeclaredTaxTotal = 22.0m, DeclaredGrossTotal = 132.01m };

        Validate(invoice).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_CreditNoteLineBookedNegativeFromPositiveQuantityAndPrice_IsAccepted()
    {
        var credit = Sample with
        {
            Kind = InvoiceKind.CreditNote,
            Lines = [.. Sample.Lines.Select(l => l with { Amount = -l.Amount, TaxAmount = -l.TaxAmount })],
            DeclaredNetTotal = -110.5m,
            DeclaredTaxTotal = -22.1m,
            DeclaredGrossTotal = -132.6m,
        };

        Validate(credit).ShouldBeEmpty();
        Validate(credit with { Kind = InvoiceKind.Invoice }).Select(p => p.Code)
            .ShouldBe([ProblemCodes.LineArithmetic, ProblemCodes.LineArithmetic, ProblemCodes.InvoiceSign]);
    }

    [Fact]
    public void Validate_ZeroDecimalCurrency_AllowsHalfAYenOfRounding()
    {
        var yen = Sample with
        {
            Currency = "JPY",
            Lines = [new InvoiceLine { LineNumber = 1, Description = "Service", Quantity = 3, UnitPrice = 333.3m, Amount = 1000m, SourceLine = 2 }],
            DeclaredNetTotal = 1000m,
            DeclaredTaxTotal = null,
            DeclaredGrossTotal = null,
        };

        Validate(yen).ShouldBeEmpty();
        Validate(yen with { Currency = "USD" }).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.LineArithmetic);
    }

    [Fact]
    public void Validate_DeclaredNetTotalNotTheSumOfLines_IsTotalMismatchWithBothValuesAndTheDifference()
    {
        var problem = Validate(Sample with { DeclaredNetTotal = 111.5m }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.TotalMismatch);
        problem.Field.ShouldBe("total_net");
        problem.Value.ShouldBe("111.5");
        problem.Message.ShouldBe("Declared net total 111.5, but the lines sum to 110.5 (difference 1.0).");
    }

    [Fact]
    public void Validate_DeclaredTaxTotalNotTheSumOfLineTaxes_IsTaxMismatch()
    {
        var problem = Validate(Sample with { DeclaredTaxTotal = 21.1m }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.TaxMismatch);
        problem.Field.ShouldBe("total_tax");
        problem.Message.ShouldBe("Declared tax total 21.1, but the lines' tax amounts sum to 22.1 (difference -1.0).");
    }

    [Fact]
    public void Validate_DeclaredGrossTotalNotNetPlusTax_IsGrossMismatch()
    {
        var problem = Validate(Sample with { DeclaredGrossTotal = 130m }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.GrossMismatch);
        problem.Field.ShouldBe("total_gross");
        problem.Message.ShouldContain("132.6");
    }

    [Fact]
    public void Validate_LinesWithRatesButNoTaxAmounts_CompareTheDeclaredTaxWithTheRates()
    {
        var ratesOnly = Sample with { Lines = [.. Sample.Lines.Select(l => l with { TaxAmount = 0 })] };

        Validate(ratesOnly).ShouldBeEmpty();
        Validate(ratesOnly with { DeclaredTaxTotal = 30m }).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.TaxMismatch);
    }

    [Fact]
    public void Validate_LineTaxNotAmountTimesRate_IsTaxMismatchOnTheLine()
    {
        var invoice = WithLine(Sample, 0, l => l with { TaxAmount = 25m }) with { DeclaredTaxTotal = 27.1m, DeclaredGrossTotal = 137.6m };

        var problem = Validate(invoice).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.TaxMismatch);
        problem.Field.ShouldBe("tax_amount");
        problem.Location.Line.ShouldBe(2);
        problem.Message.ShouldBe("Line 1: amount 100 x 20 % = 20, but the tax amount is 25 (difference 5).");
    }
}
