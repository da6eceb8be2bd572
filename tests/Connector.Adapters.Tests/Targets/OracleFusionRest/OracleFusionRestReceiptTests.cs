using Connector.Adapters.Abstractions;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionReceiptTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>Receipts through standardReceipts and applyReceipt against the emulator (DE01; invoices of 100.49 each).</summary>
public sealed class OracleFusionRestReceiptTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>
{
    private const decimal InvoiceTotal = 100.49m;
    private const string ReceiptsPath = FusionEmulator.ResourcesPath + "/standardReceipts";

    private Mapping.Entities.EntityDefinition Entity(params (string, string)[] extra) =>
        FusionRestTestData.De(fixture.Options([("framework_version", "4"), ("receipt_method", "DE01 Ueberweisung"), .. extra]));

    [Fact]
    public async Task PostReceiptAsync_TwoInvoicesFullAndPart_CreatedAppliedAndReadBack()
    {
        var entity = Entity(("remittance_bank_account", "DE89370400440532013000"));
        using var handle = FusionRestFixture.Create(entity);
        var first = await InvoiceAsync(handle.Target, entity, "10001");
        var second = await InvoiceAsync(handle.Target, entity, "10001");
        var receipt = Receipt(entity, "10001", 150m, Apply(first, InvoiceTotal), Apply(second, 49.51m));

        var posted = await ((IReceiptTarget)handle.Target).PostReceiptAsync(receipt, CancellationToken.None);

        posted.Number.ShouldBe(receipt.ReceiptNumber);
        posted.Amount.ShouldBe(150m);
        posted.Unapplied.ShouldBe(0m);
        posted.Applications.Select(a => (a.InvoiceNumber, a.AmountApplied)).ShouldBe([(first, InvoiceTotal), (second, 49.51m)]);
        var stored = fixture.Emulator.Receipts.Single(r => r.ReceiptNumber == receipt.ReceiptNumber);
        stored.StandardReceiptId.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(posted.Id);
        stored.ReceiptDate.ShouldBe(Date);
        stored.CustomerAccountNumber.ShouldBe("10001");
        stored.Attribute("ReceiptMethod").ShouldBe("DE01 Ueberweisung");
        stored.Attribute("RemittanceBankAccountNumber").ShouldBe("DE89370400440532013000");
        stored.Attribute("Comments").ShouldBe(receipt.IdempotencyKey);
        var found = await ((IReceiptTarget)handle.Target).FindReceiptAsync(receipt, CancellationToken.None);
        found.ShouldBe(posted, "found: " + found);
    }

    [Fact]
    public async Task PostReceiptAsync_SameReceiptAgain_DuplicateLookedUpNothingCreatedOrAppliedTwice()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var invoice = await InvoiceAsync(handle.Target, entity, "10002");
        var receipt = Receipt(entity, "10002", 60m, Apply(invoice, 60m));
        var target = (IReceiptTarget)handle.Target;

        var once = await target.PostReceiptAsync(receipt, CancellationToken.None);
        var twice = await target.PostReceiptAsync(receipt, CancellationToken.None);

        twice.ShouldBe(once);
        fixture.Emulator.Receipts.Count(r => r.ReceiptNumber == receipt.ReceiptNumber).ShouldBe(1);
        fixture.Emulator.Applications.Where(a => a.TransactionNumber == invoice).Sum(a => a.AmountApplied).ShouldBe(60m);
    }

    [Fact]
    public async Task PostReceiptAsync_ReceiptThereWithPartOfItsApplications_RetryAppliesOnlyWhatIsMissing()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var first = await InvoiceAsync(handle.Target, entity, "10003");
        var second = await InvoiceAsync(handle.Target, entity, "10003");
        var full = Receipt(entity, "10003", 200m, Apply(first, InvoiceTotal), Apply(second, 99.51m));
        var target = (IReceiptTarget)handle.Target;
        await target.PostReceiptAsync(full with { Applications = [full.Applications[0]] }, CancellationToken.None);

        var completed = await target.PostReceiptAsync(full, CancellationToken.None);

        completed.Unapplied.ShouldBe(0m);
        completed.Applications.Select(a => (a.InvoiceNumber, a.AmountApplied)).ShouldBe([(first, InvoiceTotal), (second, 99.51m)]);
        fixture.Emulator.Applications.Where(a => a.TransactionNumber == first).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PostReceiptAsync_MoreThanTheInvoiceIsOpen_RefusedWithOraclesReasonReceiptLeftUnapplied()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var invoice = await InvoiceAsync(handle.Target, entity, "10004");
        var receipt = Receipt(entity, "10004", 150m, Apply(invoice, 150m));

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => ((IReceiptTarget)handle.Target).PostReceiptAsync(receipt, CancellationToken.None));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("AR_CKAP_OVERAPP");
        error.InvalidValue.ShouldBe(invoice);
        refused.Message.ShouldContain("stays unapplied");
        var found = await ((IReceiptTarget)handle.Target).FindReceiptAsync(receipt, CancellationToken.None);
        found!.Unapplied.ShouldBe(150m);
        found.Applications.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostReceiptAsync_InvoiceUnknownToOracle_RefusedBeforeAnyReceiptIsCreated()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var receipt = Receipt(entity, "10005", 10m, Apply("NO-SUCH-INVOICE", 10m));

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => ((IReceiptTarget)handle.Target).PostReceiptAsync(receipt, CancellationToken.None));

        refused.Errors.ShouldHaveSingleItem().Code.ShouldBe("CONNECTOR_INVOICE_NOT_FOUND");
        fixture.Emulator.Receipts.ShouldNotContain(r => r.ReceiptNumber == receipt.ReceiptNumber);
    }

    [Fact]
    public async Task PostReceiptAsync_ServiceUnavailableOnCreate_TransientThenFindNullThenPosted()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var target = (IReceiptTarget)handle.Target;
        var receipt = Receipt(entity, "10006", 25m);
        fixture.Emulator.Faults.ServiceUnavailable("POST", ReceiptsPath, TimeSpan.FromSeconds(3));

        var transient = await Should.ThrowAsync<TransientTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));
        var before = await target.FindReceiptAsync(receipt, CancellationToken.None);
        var posted = await target.PostReceiptAsync(receipt, CancellationToken.None);

        transient.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        before.ShouldBeNull();
        posted.Unapplied.ShouldBe(25m);
        posted.Status.ShouldBe("Unapplied");
    }

    [Fact]
    public async Task PostReceiptAsync_AnswerLostAfterCreate_FoundUnappliedThenRetryAppliesWithoutASecondReceipt()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var target = (IReceiptTarget)handle.Target;
        var invoice = await InvoiceAsync(handle.Target, entity, "10007");
        var receipt = Receipt(entity, "10007", 30m, Apply(invoice, 30m));
        fixture.Emulator.Faults.CommittedResponseLost("POST", ReceiptsPath, 1);

        await Should.ThrowAsync<TransientTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));
        var found = await target.FindReceiptAsync(receipt, CancellationToken.None);
        var posted = await target.PostReceiptAsync(receipt, CancellationToken.None);

        found.ShouldNotBeNull().Applications.ShouldBeEmpty();
        found.Unapplied.ShouldBe(30m);
        posted.Id.ShouldBe(found.Id);
        posted.Applications.ShouldHaveSingleItem().AmountApplied.ShouldBe(30m);
        fixture.Emulator.Receipts.Count(r => r.ReceiptNumber == receipt.ReceiptNumber).ShouldBe(1);
    }

    [Fact]
    public async Task PostReceiptAsync_ApplyAnswered503_TransientThenRetryAppliesOnTheSameReceipt()
    {
        var entity = Entity();
        using var handle = FusionRestFixture.Create(entity);
        var target = (IReceiptTarget)handle.Target;
        var invoice = await InvoiceAsync(handle.Target, entity, "10008");
        var receipt = Receipt(entity, "10008", 40m, Apply(invoice, 40m));
        var nextId = fixture.Emulator.Receipts.Count == 0 ? fixture.Emulator.Setup.FirstStandardReceiptId : fixture.Emulator.Receipts.Max(r => r.StandardReceiptId) + 1;
        fixture.Emulator.Faults.ServiceUnavailable("POST", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ReceiptsPath}/{nextId}/action/applyReceipt"), TimeSpan.FromSeconds(2));

        var transient = await Should.ThrowAsync<TransientTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));
        var half = await target.FindReceiptAsync(receipt, CancellationToken.None);
        var posted = await target.PostReceiptAsync(receipt, CancellationToken.None);

        transient.Message.ShouldContain("applyReceipt");
        half.ShouldNotBeNull().Id.ShouldBe(nextId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        half.Applications.ShouldBeEmpty();
        posted.Id.ShouldBe(half.Id);
        posted.Unapplied.ShouldBe(0m);
        posted.Applications.ShouldHaveSingleItem().AmountApplied.ShouldBe(40m);
        fixture.Emulator.Receipts.Count(r => r.ReceiptNumber == receipt.ReceiptNumber).ShouldBe(1);
    }

    [Fact]
    public async Task PostReceiptAsync_NoReceiptMethodOption_SetupErrorNamingIt()
    {
        var entity = FusionRestTestData.De(fixture.Options());
        using var handle = FusionRestFixture.Create(entity);

        var e = await Should.ThrowAsync<TargetSetupException>(() => ((IReceiptTarget)handle.Target).PostReceiptAsync(Receipt(entity, "10001", 1m), CancellationToken.None));

        e.Message.ShouldContain("target.options.receipt_method is required");
    }
}
