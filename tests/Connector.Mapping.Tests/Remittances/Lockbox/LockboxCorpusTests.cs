using Connector.Mapping.Model;
using Connector.Mapping.Remittances.Lockbox;

namespace Connector.Mapping.Tests.Remittances.Lockbox;

/// <summary>The FundersClub lockbox samples give the values their own test asserts.</summary>
public sealed class LockboxCorpusTests
{
    private const string Folder = "lockbox-bai-fundersclub/lockbox/tests/";

    [TextBankCorpusFact]
    public void Read_LockboxSample_OneChequeWithTheExpectedValues()
    {
        var context = TextBankCorpus.Context("test_lockbox.bai");
        using var stream = TextBankCorpus.Open(Folder + "test_lockbox.bai");

        var remittances = LockboxReader.Read(stream, "US01", context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var mapped = remittances.ShouldHaveSingleItem();
        mapped.Problems.ShouldBeEmpty();
        var r = mapped.Remittance;
        r.Payer.Name.ShouldBe("BOB E SMITH");
        r.FreeText.ShouldBe("CE554 | payee: MY BUSINESS COMPANY");
        r.PaymentDate.ShouldBe(new DateOnly(2016, 5, 16));
        r.PaymentNumber.ShouldBe("180");
        r.Amount.ShouldBe(7000.00m);
        r.Method.ShouldBe(PaymentMethod.Cheque);
        r.Lines.ShouldHaveSingleItem().Reference.ShouldBe("CE554");
        r.BookingDate.ShouldBe(new DateOnly(2016, 5, 23));
        r.Payer.BankId.ShouldBe("055002707");
        r.Payer.BankAccount.ShouldBe("0012345555");
        r.ReceivingAccount.ShouldBe("0022222");
    }

    [TextBankCorpusFact]
    public void Read_EmptyLockboxSample_NoChequeAndNoProblem()
    {
        var context = TextBankCorpus.Context("test_empty_lockbox.bai");
        using var stream = TextBankCorpus.Open(Folder + "test_empty_lockbox.bai");

        var remittances = LockboxReader.Read(stream, "US01", context);

        remittances.ShouldBeEmpty();
        context.Failed.ShouldBeFalse();
        context.Problems.ShouldBeEmpty();
    }

    [TextBankCorpusTheory]
    [InlineData("test_lockbox.bai")]
    [InlineData("test_empty_lockbox.bai")]
    public void Sniff_LockboxSample_Recognised(string name)
    {
        var head = File.ReadAllBytes(TextBankCorpus.BankPath(Folder + name));

        LockboxReader.Sniff(head).ShouldBeTrue();
    }
}
