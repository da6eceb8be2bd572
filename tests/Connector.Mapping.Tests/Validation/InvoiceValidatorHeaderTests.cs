using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Validation.ValidationFixtures;

namespace Connector.Mapping.Tests.Validation;

public sealed class InvoiceValidatorHeaderTests
{
    [Fact]
    public void Validate_CorrectInvoice_HasNoProblems()
    {
        Validate(Sample).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NoNumber_IsFieldRequiredNamingDocumentLineAndField()
    {
        var problem = Validate(Sample with { Number = " " }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Location.Document.ShouldBe("factures.csv");
        problem.Location.Line.ShouldBe(2);
        problem.Field.ShouldBe("invoice_number");
        problem.Value.ShouldBe(" ");
    }

    [Fact]
    public void Validate_NumberOverTwentyCharacters_IsNumberTooLong()
    {
        var number = new string('9', 21);
        var problem = Validate(Sample with { Number = number }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.NumberTooLong);
        problem.Value.ShouldBe(number);
        problem.Message.ShouldContain("21 characters");
        Validate(Sample with { Number = new string('9', 20) }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NoIssueDate_IsFieldRequired()
    {
        var problem = Validate(Sample with { IssueDate = null }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("issue_date");
    }

    [Fact]
    public void Validate_NoCurrency_IsFieldRequired()
    {
        var problem = Validate(Sample with { Currency = null }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("currency");
    }

    [Fact]
    public void Validate_NoLines_IsInvoiceNoLines()
    {
        var problem = Validate(Sample with { Lines = [], DeclaredNetTotal = null, DeclaredTaxTotal = null, DeclaredGrossTotal = null })
            .ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.NoLines);
        problem.Field.ShouldBe("lines");
    }

    [Fact]
    public void Validate_DueDateBeforeIssueDate_IsDueBeforeIssue()
    {
        var problem = Validate(Sample with { DueDate = Today.AddDays(-2) }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.DueBeforeIssue);
        problem.Field.ShouldBe("due_date");
        problem.Value.ShouldBe("2026-06-13");
        problem.Message.ShouldBe("Due date 2026-06-13 is before the issue date 2026-06-14.");
        Validate(Sample with { DueDate = Sample.IssueDate }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_IssueDateMoreThanMaxDaysAhead_IsInFuture()
    {
        var problem = Validate(Sample with { IssueDate = Today.AddDays(8), DueDate = null }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.IssueInFuture);
        problem.Value.ShouldBe("2026-06-23");
        problem.Message.ShouldContain("8 days after today (2026-06-15)");
        Validate(Sample with { IssueDate = Today.AddDays(7), DueDate = null }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_IssueDateMoreThanMaxDaysAgo_IsTooOld()
    {
        var problem = Validate(Sample with { IssueDate = Today.AddDays(-731) }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.IssueTooOld);
        problem.Field.ShouldBe("issue_date");
        Validate(Sample with { IssueDate = Today.AddDays(-730) }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_CodeNotInIso4217_IsCurrencyUnknown()
    {
        var problem = Validate(Sample with { Currency = "EUX" }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CurrencyUnknown);
        problem.Value.ShouldBe("EUX");
    }

    [Fact]
    public void Validate_CurrencyNeitherTheEntitysNorAccepted_IsCurrencyNotAccepted()
    {
        var problem = Validate(Sample with { Currency = "GBP" }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CurrencyNotAccepted);
        problem.Message.ShouldBe("Entity FR01 does not invoice in GBP (it accepts EUR, JPY, USD).");
        Validate(Sample with { Currency = "USD" }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NegativeInvoice_IsInvoiceSignSuggestingACreditNote()
    {
        var negative = Sample with
        {
            Lines = [.. Sample.Lines.Select(l => l with { UnitPrice = -l.UnitPrice, Amount = -l.Amount, TaxAmount = -l.TaxAmount })],
            DeclaredNetTotal = -110.5m,
            DeclaredTaxTotal = -22.1m,
            DeclaredGrossTotal = -132.6m,
        };

        var problem = Validate(negative).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.InvoiceSign);
        problem.Message.ShouldContain("credit note");
        Validate(negative with { Kind = Model.InvoiceKind.CreditNote }).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_PositiveCreditNote_IsCreditNoteSign()
    {
        var problem = Validate(Sample with { Kind = Model.InvoiceKind.CreditNote }).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CreditNoteSign);
        problem.Value.ShouldBe("110.5");
    }
}
