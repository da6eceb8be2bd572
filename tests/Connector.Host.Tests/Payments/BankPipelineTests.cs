using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// FR01 end to end with its own target (the FBDI outbox, which cannot post receipts): the sample invoices posted, then
/// the camt.054 sample in the bank inbox. Each payment ends as mappings/fr-dupont/samples/bank/EXPECTED.md says,
/// kept applied as NoTarget; the same file again, or a statement that overlaps it, adds nothing but what is new.
/// </summary>
public sealed class BankPipelineTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    [Fact]
    public async Task Camt054AfterInvoicesPosted_EachPaymentAsExpectedAndNoTargetForTheOutbox()
    {
        var run = await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);

        var payments = _harness.Store.RemittancesOfRun(run.RunId).ToDictionary(r => r.Remittance.PaymentNumber!);
        payments.Count.ShouldBe(8);
        Applied(payments["E2E-MOREAU-1120"]).ShouldBe("FX26-00101 1708.80 exact_number");
        Applied(payments["E2E-EB-4510"]).ShouldBe("F26-004510 690.40 number_in_text, F26-004533 781.55 number_in_text");
        Applied(payments["E2E-CDP-105"]).ShouldBe("FX26-00105 2700.00 number_in_text");
        Applied(payments["E2E-LEFEVRE-11"]).ShouldBe("F26-004514 1012.80 combination, F26-004516 538.80 combination");
        Applied(payments["E2E-DUBOIS-4524"]).ShouldBe("F26-004524 2865.60 exact_number");
        payments["E2E-DUBOIS-4524"].Applications.Single().Deduction.ShouldBe(2.00m);
        payments["E2E-DUBOIS-4524"].Applications.Single().DeductionReason.ShouldBe("SHORT_PAY");
        Applied(payments["E2E-BERNARD-4541"]).ShouldBe("F26-004541 1160.40 exact_number");
        payments["E2E-BERNARD-4541"].OnAccount.ShouldBe(39.60m);

        var customerPayments = payments.Values.Where(p => p.Direction == EntryDirection.Credit).ToList();
        customerPayments.Count(p => p.State == RemittanceState.NoTarget).ShouldBe(6);
        customerPayments.Where(p => p.State == RemittanceState.NoTarget).ShouldAllBe(p => p.Reason!.Contains("oracle-fbdi cannot post receipts"));
        payments["E2E-SCILAC-01"].State.ShouldBe(RemittanceState.Unapplied);
        payments["E2E-SCILAC-01"].Unapplied.ShouldBe(450.00m);
        payments["FRAIS-1120"].State.ShouldBe(RemittanceState.Debit);
        customerPayments.Sum(p => p.Applied).ShouldBe(11458.35m);
        customerPayments.Sum(p => p.Unapplied).ShouldBe(450.00m);
        _harness.Store.RemittanceHistory(payments["E2E-MOREAU-1120"].Id).Select(t => t.To).ShouldBe([RemittanceState.Applied, RemittanceState.NoTarget]);
        _harness.Store.DocumentsOfRun(run.RunId).Single().Status.ShouldBe(DocumentStatus.Processed);
        run.Receipts!.End.ShouldBe(ExportEnd.Done);
    }

    [Fact]
    public async Task Camt054AfterInvoicesPosted_ReportCountsAndAmountsThePayments()
    {
        var run = await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);

        var payments = run.Report.Payments.ShouldNotBeNull();
        payments.ByState.Select(s => $"{s.State} {s.Count}").ShouldBe(["Debit 1", "Unapplied 1", "NoTarget 6"]);
        var t = payments.Totals;
        (t.Credits, t.Debits, t.FullyApplied, t.PartlyApplied, t.Unapplied).ShouldBe((7, 1, 6, 0, 1));
        t.PaymentRate.ShouldBe(0.8571m);
        (t.AmountApplied, t.Discounts, t.OnAccount, t.UnappliedAmount).ShouldBe((11458.35m, 0m, 39.60m, 450.00m));
        t.AmountReceived.ShouldBe(11947.95m); // applied + on account + unapplied
        t.DeductionsByReason.ShouldBe(new Dictionary<string, decimal> { ["SHORT_PAY"] = 2.00m });
        payments.Waiting.Select(w => $"{w.Payment} {w.State}").ShouldContain("E2E-SCILAC-01 Unapplied");
        var html = await File.ReadAllTextAsync(run.HtmlReport);
        html.ShouldContain("<h2>Payments</h2>");
        html.ShouldContain("Payments that wait for a person");
        html.ShouldContain("SHORT_PAY 2.00");
        var csv = await File.ReadAllTextAsync(run.CsvReport);
        csv.ShouldContain("payments,NoTarget,,6,");
        csv.ShouldContain("payment_totals,applied,,,11458.35,,");
        csv.ShouldContain("payment_totals,deduction,,,2.00,,SHORT_PAY");
        using var xlsx = new MemoryStream();
        ReportXlsxWriter.Write(run.Report, xlsx);
        xlsx.Position = 0;
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Payments");
        var cells = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        cells.ShouldContain("E2E-SCILAC-01");
        cells.ShouldContain("Deduction SHORT_PAY");
    }

    [Fact]
    public async Task SameFileDroppedAgain_DuplicateDocumentNothingNew()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var before = AllPayments();

        _harness.DropInInbox("FR01-banque", "FR01_camt054_20261120-resent.xml", BankSamples.Camt054);
        var again = await _harness.RunAsync("FR01");

        _harness.Store.DocumentsOfRun(again.RunId).Single().Status.ShouldBe(DocumentStatus.Duplicate);
        AllPayments().ShouldBe(before);
    }

    [Fact]
    public async Task OverlappingStatement_OnlyTheNewPaymentIsProcessed()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var first = _harness.Store.RemittancesInStates("FR01", [RemittanceState.NoTarget]).ToDictionary(r => r.Remittance.PaymentNumber!);

        _harness.DropInInbox("FR01-banque", "FR01_camt054_20261121.xml", BankSamples.Overlapping(["E2E-MOREAU-1120", "E2E-LEFEVRE-11"], "E2E-NOUVEAU-1121", 123.45m, "ACOMPTE"));
        var second = await _harness.RunAsync("FR01");

        var payments = _harness.Store.RemittancesOfRun(second.RunId).ToDictionary(r => r.Remittance.PaymentNumber!);
        payments.Keys.Order(StringComparer.Ordinal).ShouldBe(["E2E-LEFEVRE-11", "E2E-MOREAU-1120", "E2E-NOUVEAU-1121"]);
        payments["E2E-MOREAU-1120"].State.ShouldBe(RemittanceState.Duplicate);
        payments["E2E-MOREAU-1120"].DuplicateOf.ShouldBe(first["E2E-MOREAU-1120"].Id);
        payments["E2E-MOREAU-1120"].Reason!.ShouldContain(BankSamples.Camt054Name);
        payments["E2E-LEFEVRE-11"].State.ShouldBe(RemittanceState.Duplicate);
        payments["E2E-LEFEVRE-11"].Applications.ShouldBeEmpty();
        payments["E2E-NOUVEAU-1121"].State.ShouldBe(RemittanceState.Unapplied);
        _harness.Store.RemittancesInStates("FR01", [RemittanceState.NoTarget]).Count.ShouldBe(6);
    }

    [Fact]
    public async Task NewPaymentOfAnInvoiceAnEarlierPaymentTook_NotAppliedToItAgain()
    {
        var second = BankSamples.Overlapping([], "E2E-MOREAU-BIS", 1708.80m, "REGLEMENT FX26-00101");
        using (var fresh = new PipelineHarness())
        {
            // Control: with no earlier payment, this one alone is applied to FX26-00101.
            SampleSeeder.Seed([fresh.Entity("FR01")], fresh.Paths);
            await fresh.RunAsync("FR01");
            fresh.DropInInbox("FR01-banque", "second.xml", second);
            var alone = await fresh.RunAsync("FR01");
            Applied(fresh.Store.RemittancesOfRun(alone.RunId).Single()).ShouldStartWith("FX26-00101 1708.80");
        }

        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        _harness.DropInInbox("FR01-banque", "second.xml", second);
        var run = await _harness.RunAsync("FR01");

        var payment = _harness.Store.RemittancesOfRun(run.RunId).Single();
        payment.Applications.ShouldNotContain(a => a.InvoiceNumber == "FX26-00101");
        payment.State.ShouldBe(RemittanceState.Unapplied);
    }

    [Fact]
    public async Task OperatorResolvesTheUnappliedPayment_AppliedHeldAgainstItsInvoiceAndKeptByTheNextRun()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var entity = _harness.Entity("FR01");
        var scilac = _harness.Store.RemittancesInStates("FR01", [RemittanceState.Unapplied]).Single();
        var open = ConnectorOpenItems.ForCashApplication(_harness.Store, "FR01", []);
        var invoice = open.First(i => i.Currency == "EUR" && i.OpenAmount > 450m);
        var resolver = new RemittanceResolver(_harness.Store, _harness.Clock);

        Should.Throw<ArgumentException>(() => resolver.Apply(entity, scilac.Id, open, [new InvoiceChoice("FX26-00101", null)], false, null, "alice"))
            .Message.ShouldContain("No invoice FX26-00101 in EUR is open");
        Should.Throw<ArgumentException>(() => resolver.Apply(entity, scilac.Id, open, [new InvoiceChoice(invoice.Number, 400m)], false, null, "alice"))
            .Message.ShouldContain("50.00 of the payment would be left unapplied");
        var resolved = resolver.Apply(entity, scilac.Id, open, [new InvoiceChoice(invoice.Number, 400m)], true, null, "alice");

        resolved.State.ShouldBe(RemittanceState.Applied);
        resolved.PayerAccount.ShouldBe(invoice.CustomerAccount);
        (resolved.Applied, resolved.OnAccount, resolved.Unapplied).ShouldBe((400m, 50m, 0m));
        resolved.Applications.Single().Rule.ShouldBe("operator");
        ConnectorOpenItems.ForCashApplication(_harness.Store, "FR01", []).Single(i => i.Number == invoice.Number).OpenAmount.ShouldBe(invoice.OpenAmount - 400m);
        _harness.Store.AuditTrail("FR01", 20).ShouldContain(a => a.Action == "remittance.resolved" && a.Actor == "alice");
        Should.Throw<ArgumentException>(() => resolver.Apply(entity, scilac.Id, open, [new InvoiceChoice(invoice.Number, 1m)], false, null, "bob")).Message.ShouldContain("is Applied");

        await _harness.RunAsync("FR01");

        _harness.Store.GetRemittance(scilac.Id)!.State.ShouldBe(RemittanceState.NoTarget);
    }

    [Fact]
    public async Task ResolveWithRemember_NextPaymentFromThatAccountFindsTheCustomerByItself()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var scilac = _harness.Store.RemittancesInStates("FR01", [RemittanceState.Unapplied]).Single();
        var open = ConnectorOpenItems.ForCashApplication(_harness.Store, "FR01", []);
        var invoice = open.First(i => i.Currency == "EUR" && i.OpenAmount > 450m);

        new RemittanceResolver(_harness.Store, _harness.Clock).Apply(_harness.Entity("FR01"), scilac.Id, open, [new InvoiceChoice(invoice.Number, 450m)], false, null, "alice", remember: true);

        _harness.Store.Aliases("FR01").Where(a => a.AccountNumber == invoice.CustomerAccount).Select(a => a.Alias)
            .ShouldBe(["FR7617806001231234567890140", "SCI DU LAC"], ignoreOrder: true);
        var payer = _harness.Entity("FR01").Matcher.MatchPayer(new PayerReference { BankAccount = "FR76 1780 6001 2312 3456 7890 140" });
        payer.Customer!.AccountNumber.ShouldBe(invoice.CustomerAccount);
    }

    [Fact]
    public async Task ResolveShortWithDeduction_InvoiceClosedWithTheReason()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var scilac = _harness.Store.RemittancesInStates("FR01", [RemittanceState.Unapplied]).Single();
        var open = ConnectorOpenItems.ForCashApplication(_harness.Store, "FR01", []);
        var invoice = open.First(i => i.Currency == "EUR" && i.OpenAmount is > 450m and < 900m);

        var resolved = new RemittanceResolver(_harness.Store, _harness.Clock).Apply(_harness.Entity("FR01"), scilac.Id, open, [new InvoiceChoice(invoice.Number, 450m)], false, invoice.CustomerAccount, "alice", deductionReason: "DAMAGED_GOODS");

        var application = resolved.Applications.Single();
        (application.Amount, application.Deduction, application.DeductionReason).ShouldBe((450m, invoice.OpenAmount - 450m, "DAMAGED_GOODS"));
        ConnectorOpenItems.ForCashApplication(_harness.Store, "FR01", []).ShouldNotContain(i => i.Number == invoice.Number && i.OpenAmount > 0m);
    }

    [Fact]
    public async Task SkipWithReason_PaymentSkippedNeverPostedAndTheReasonKept()
    {
        await PostInvoicesThenBankAsync(BankSamples.Camt054Name, BankSamples.Camt054);
        var scilac = _harness.Store.RemittancesInStates("FR01", [RemittanceState.Unapplied]).Single();
        var resolver = new RemittanceResolver(_harness.Store, _harness.Clock);

        var skipped = resolver.Skip(_harness.Entity("FR01"), scilac.Id, "deposit refunded to SCI du Lac", "bob");
        await _harness.RunAsync("FR01");

        _harness.Store.GetRemittance(skipped.Id)!.State.ShouldBe(RemittanceState.Skipped);
        _harness.Store.GetRemittance(skipped.Id)!.Reason!.ShouldContain("deposit refunded");
        Should.Throw<ArgumentException>(() => resolver.Skip(_harness.Entity("FR01"), scilac.Id, "again", "bob")).Message.ShouldContain("is Skipped");
    }

    [Fact]
    public async Task BankFileThatIsNoBankFile_DocumentFailedNothingStored()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        await _harness.RunAsync("FR01");

        _harness.DropInInbox("FR01-banque", "releve.txt", "not a statement\n"u8.ToArray());
        var run = await _harness.RunAsync("FR01");

        var document = _harness.Store.DocumentsOfRun(run.RunId).Single();
        document.Status.ShouldBe(DocumentStatus.Failed);
        document.Problems.ShouldContain(p => p.Code == "BANK_UNKNOWN_FORMAT");
        _harness.Store.RemittancesOfRun(run.RunId).ShouldBeEmpty();
    }

    public void Dispose() => _harness.Dispose();

    private async Task<RunSummary> PostInvoicesThenBankAsync(string name, byte[] bank)
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        var invoices = await _harness.RunAsync("FR01");
        invoices.Export!.End.ShouldBe(ExportEnd.Done);
        _harness.Store.RemittancesOfRun(invoices.RunId).ShouldBeEmpty();

        _harness.DropInInbox("FR01-banque", name, bank);
        return await _harness.RunAsync("FR01");
    }

    private string AllPayments()
        => string.Join("\n", _harness.Store.RemittancesInStates("FR01", Enum.GetValues<RemittanceState>()).Select(r => $"{r.Id} {r.State} {r.IdempotencyKey}"));

    private static string Applied(RemittanceInfo payment)
        => string.Join(", ", payment.Applications.Select(a => $"{a.InvoiceNumber} {a.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {a.Rule}"));
}
