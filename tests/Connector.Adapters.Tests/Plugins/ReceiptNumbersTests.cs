using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Tests.Plugins;

public sealed class ReceiptNumbersTests
{
    private static Remittance Payment(string? number, string? bankReference) => new()
    {
        EntityCode = "US01",
        PaymentNumber = number,
        BankReference = bankReference,
        Amount = 100m,
        Currency = "USD",
        PaymentDate = new DateOnly(2026, 3, 2),
        Source = new SourceLocation("lockbox.txt", 3),
    };

    [Fact]
    public void For_ChequeNumber_IsTheNumber()
    {
        ReceiptNumbers.For(Payment(" 004711 ", "BR1"), "key").ShouldBe("004711");
    }

    [Fact]
    public void For_NoNumber_BankReference()
    {
        ReceiptNumbers.For(Payment(null, "BR-998877"), "key").ShouldBe("BR-998877");
    }

    [Fact]
    public void For_SecondOccurrence_SuffixKeepsTwoIdenticalPaymentsApart()
    {
        ReceiptNumbers.For(Payment("1001", null), "k2", 2).ShouldBe("1001-2");
    }

    [Fact]
    public void For_NothingOrTooLong_ShortHashOfTheKeySameEveryTime()
    {
        var remittance = Payment(null, null);
        var key = IdempotencyKey.ForReceipt(remittance, 1);

        var number = ReceiptNumbers.For(remittance, key);

        number.ShouldBe(ReceiptNumbers.For(remittance, key));
        number.Length.ShouldBe(16);
        number.ShouldStartWith("R");
        ReceiptNumbers.For(Payment(new string('9', 31), null), key).ShouldBe(number);
        ReceiptNumbers.FromKey(IdempotencyKey.ForReceipt(remittance, 2)).ShouldNotBe(number);
    }
}
