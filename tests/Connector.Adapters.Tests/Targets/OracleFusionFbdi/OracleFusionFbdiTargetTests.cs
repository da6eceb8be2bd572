using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionFbdi.FusionFbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionFbdi;

public sealed class OracleFusionFbdiTargetTests(FusionFbdiFixture fixture) : IClassFixture<FusionFbdiFixture>
{
    private FusionEmulator Emulator => fixture.Emulator;

    [Fact]
    public async Task SubmitThenConfirm_InvoiceAndCreditMemo_RunningThenConfirmedWithOraclesIds()
    {
        var entity = Entity(Emulator);
        var target = Target(entity);
        var invoice = Invoice(NewNumber());
        var credit = Invoice(NewNumber(), InvoiceKind.CreditNote, lines: Line(1, 1m, 30m, -30m));
        var batch = Batch(entity, invoice, credit);

        var submission = await target.SubmitAsync(batch, CancellationToken.None);
        var first = await target.ConfirmAsync(batch, submission, CancellationToken.None);
        var done = await target.ConfirmAsync(batch, submission);

        submission.BatchId.ShouldBe(batch.BatchId);
        (submission.InvoiceCount, submission.LineCount).ShouldBe((2, 3));
        first.Status.ShouldBe(ConfirmationStatus.Running);
        done.Status.ShouldBe(ConfirmationStatus.Completed);
        done.Outcomes.Select(o => o.IdempotencyKey).ShouldBe(batch.Invoices.Select(i => i.IdempotencyKey));
        done.Outcomes.ShouldAllBe(o => o.Accepted);
        var stored = Emulator.Invoices.Single(i => i.TransactionNumber == invoice.Number);
        done.Outcomes[0].Created.ShouldBe(new ErpInvoice(stored.CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), invoice.Number, 249.99m, "EUR", null));
        stored.Attribute("TransactionType").ShouldBe("DE01 Rechnung");
        done.Outcomes[1].Created!.Amount.ShouldBe(-30m);
        Emulator.Invoices.Single(i => i.TransactionNumber == credit.Number).Attribute("TransactionType").ShouldBe("DE01 Gutschrift");
    }

    [Fact]
    public async Task Confirm_BadLine_RefusesThatInvoiceNamingTheLineAndOraclesMessage_OthersConfirmed()
    {
        var entity = Entity(Emulator);
        var target = Target(entity);
        var bad = Invoice(NewNumber(), lines: [Line(1, 2m, 100m), Line(2, 1m, 10m, description: "")]);
        var unknownCustomer = Invoice(NewNumber(), account: "99999", lines: Line(1, 1m, 5m));
        var good = Invoice(NewNumber());
        var batch = Batch(entity, bad, unknownCustomer, good);

        var done = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        done.Outcomes[0].Accepted.ShouldBeFalse();
        done.Outcomes[0].Errors.ShouldContain(new TargetError("You must provide a description for the line.", null, 2, null));
        done.Outcomes[0].Errors.ShouldContain(e => e.LineNumber == 1 && e.Message == AutoInvoiceMessages.Sibling);
        done.Outcomes[1].Errors.ShouldContain(new TargetError("You must enter a valid bill-to customer account number.", null, 1, "99999"));
        done.Outcomes[2].Accepted.ShouldBeTrue();
        Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == bad.Number || i.TransactionNumber == unknownCustomer.Number);
    }

    [Fact]
    public async Task Confirm_AfterRefusal_RowsArePurgedSoTheCorrectedInvoiceGoesThroughWithTheSameKeys()
    {
        var entity = Entity(Emulator);
        var target = Target(entity);
        var number = NewNumber();
        var refused = Batch(entity, Invoice(number, lines: Line(1, 1m, 10m, description: "")));
        (await target.ConfirmAsync(refused, await target.SubmitAsync(refused, CancellationToken.None))).Outcomes.Single().Accepted.ShouldBeFalse();

        var corrected = Batch(entity, Invoice(number, lines: Line(1, 1m, 10m)));
        var done = await target.ConfirmAsync(corrected, await target.SubmitAsync(corrected, CancellationToken.None));

        done.Outcomes.Single().Accepted.ShouldBeTrue();
        Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    [Fact]
    public async Task SubmitTwice_SameBatch_CreatesNothingTwiceAndConfirmsEveryInvoice()
    {
        var entity = Entity(Emulator);
        var target = Target(entity);
        var batch = Batch(entity, Invoice(NewNumber()), Invoice(NewNumber()));
        var first = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        (await target.FindSubmissionAsync(batch, CancellationToken.None)).ShouldBeNull();
        var second = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        second.Outcomes.ShouldAllBe(o => o.Accepted);
        second.Outcomes.Select(o => o.Created!.ErpId).ShouldBe(first.Outcomes.Select(o => o.Created!.ErpId));
        second.Outcomes.Select(o => o.Created!.Amount).ShouldBe([249.99m, 249.99m]);
        foreach (var postable in batch.Invoices)
        {
            Emulator.Invoices.Count(i => i.TransactionNumber == postable.Invoice.Number).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Confirm_JobError_ThrowsRefusedWithTheJobsMessage()
    {
        var entity = Entity(Emulator, context: "LEGACY");
        var target = Target(entity);
        var batch = Batch(entity, Invoice(NewNumber()));
        var submission = await target.SubmitAsync(batch, CancellationToken.None);

        var e = await Should.ThrowAsync<RefusedByTargetException>(() => target.ConfirmAsync(batch, submission));

        e.Message.ShouldContain("ended ERROR");
        e.Message.ShouldContain("You must enter a valid context for the Line Transaction Flexfield flexfield. The context LEGACY isn't defined.");
        e.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Confirm_UnknownRequestId_Refused()
    {
        var entity = Entity(Emulator);
        var batch = Batch(entity, Invoice(NewNumber()));

        var e = await Should.ThrowAsync<RefusedByTargetException>(() =>
            Target(entity).ConfirmAsync(batch, new BatchSubmission(batch.BatchId, "42", 1, 2), CancellationToken.None));

        e.Message.ShouldContain("Oracle knows no ESS request 42");
    }

    [Fact]
    public async Task Submit_WrongJobName_RefusedWithOraclesMessage()
    {
        var options = new Dictionary<string, string>(Entity(Emulator).Target.Options, StringComparer.OrdinalIgnoreCase) { ["job_name"] = "/oracle/apps/x,NoSuchJob" };
        var entity = Entity(Emulator, options: options);

        var e = await Should.ThrowAsync<RefusedByTargetException>(() => Target(entity).SubmitAsync(Batch(entity, Invoice(NewNumber())), CancellationToken.None));

        e.Errors.Single().Message.ShouldBe("The job /oracle/apps/x,NoSuchJob isn't valid. The AutoInvoice import is /oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss.");
    }

    [Fact]
    public async Task Check_GoodCredentials_BothChecksPass()
    {
        var entity = Entity(Emulator);

        var checks = await Target(entity).CheckAsync(entity, CancellationToken.None);

        checks.Select(c => c.Item).ShouldBe(["connection and credentials", "erpintegrations"]);
        checks.ShouldAllBe(c => c.Ok);
    }

    [Fact]
    public async Task Check_WrongPassword_FailsWithoutShowingThePassword()
    {
        var entity = Entity(Emulator);

        var checks = await Target(entity, "Wr0ng-Secret").CheckAsync(entity, CancellationToken.None);

        checks.ShouldAllBe(c => !c.Ok);
        checks[0].Detail.ShouldContain("HTTP 401");
        checks.ShouldAllBe(c => !c.Detail.Contains("Wr0ng-Secret"));
    }

    [Fact]
    public async Task SubmitThenConfirm_BearerToken_Confirmed()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = Emulator.BaseAddress.ToString(),
            ["token"] = "${env:" + PasswordVariable + "}",
        };
        var entity = Entity(Emulator, options: options);
        var target = Target(entity, EmulatorSetup.DefaultBearerToken);
        var batch = Batch(entity, Invoice(NewNumber()));

        var done = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        done.Outcomes.Single().Accepted.ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_WrongToken_SetupFailureWithoutTheToken()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = Emulator.BaseAddress.ToString(),
            ["token"] = "${env:" + PasswordVariable + "}",
        };
        var entity = Entity(Emulator, options: options);

        var e = await Should.ThrowAsync<TargetSetupException>(() =>
            Target(entity, "stolen-token-123").SubmitAsync(Batch(entity, Invoice(NewNumber())), CancellationToken.None));

        e.Message.ShouldContain("bearer token");
        e.ToString().ShouldNotContain("stolen-token-123");
    }

    [Fact]
    public async Task SubmitThenConfirm_Fr01LikeBatchInEurGbpAndCreditMemo_AllConfirmed()
    {
        var de = Entity(Emulator);
        var entity = de with
        {
            Code = "FR01",
            Target = de.Target with
            {
                BusinessUnit = EmulatorSetup.Fr,
                BusinessUnitId = "300000047123401",
                TransactionSource = "CONNECTOR FR01",
                TransactionType = "FR01 Facture",
                CreditMemoType = "FR01 Avoir",
            },
        };
        var target = Target(entity);
        Invoice Fr(Invoice invoice, string account, string currency) => invoice with
        {
            EntityCode = "FR01",
            Currency = currency,
            ResolvedCustomer = new ResolvedCustomer(account, "x", account + "-BT1"),
        };
        var eur = Fr(Invoice("F26-" + NewNumber()[..8]), "C10001", "EUR");
        var gbp = Fr(Invoice("F26-" + NewNumber()[..8], lines: Line(1, 3m, 1262.53m)), "C10016", "GBP");
        var credit = Fr(Invoice("AV26-" + NewNumber()[..8], InvoiceKind.CreditNote, lines: [Line(1, 2m, 15m, -30m), Line(2, 1m, 4.5m, -4.5m)]), "C10003", "EUR");
        var batch = Batch(entity, eur, gbp, credit);

        var done = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        done.Outcomes.ShouldAllBe(o => o.Accepted);
        done.Outcomes.Select(o => (o.Created!.Number, o.Created.Amount, o.Created.Currency)).ShouldBe(
            [(eur.Number, 249.99m, "EUR"), (gbp.Number, 3787.59m, "GBP"), (credit.Number, -34.5m, "EUR")]);
        var stored = Emulator.Invoices.Single(i => i.TransactionNumber == gbp.Number);
        (stored.BusinessUnit, stored.Attribute("ConversionRateType"), stored.Attribute("BillToCustomerNumber")).ShouldBe((EmulatorSetup.Fr, "Corporate", "C10016"));
        Emulator.Invoices.Single(i => i.TransactionNumber == credit.Number).Attribute("PaymentTerms").ShouldBeNull();
    }
}
