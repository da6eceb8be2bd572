using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances;

namespace Connector.Mapping.Tests.Remittances;

public sealed class ReceiptKeysTests
{
    private static Remittance Payment(string? number, decimal amount, string payer = "ACME CORP", int line = 1) => new()
    {
        EntityCode = "US01",
        PaymentNumber = number,
        Amount = amount,
        Currency = "USD",
        BookingDate = new DateOnly(2026, 11, 4),
        ReceivingAccount = "123456789",
        Payer = new PayerReference { Name = payer },
        Source = new SourceLocation("statement.bai", line),
    };

    [Fact]
    public void Assign_TwoIdenticalPaymentsOfOneDay_TwoKeysBothCount()
    {
        var keys = ReceiptKeys.Assign([Payment(null, 100m, line: 3), Payment(null, 100m, line: 4)]);

        keys.Distinct().Count().ShouldBe(2);
        keys[0].ShouldEndWith("|1");
        keys[1].ShouldEndWith("|2");
    }

    [Fact]
    public void Assign_SameStatementAgainOrOverlapping_SameKeysWhereverTheLinesAre()
    {
        var first = ReceiptKeys.Assign([Payment("CHK 180", 7000m), Payment(null, 100m), Payment(null, 100m)]);
        var overlapping = ReceiptKeys.Assign([Payment(null, 250m, "OTHER"), Payment(null, 100m, line: 9), Payment("chk180", 7000m, line: 12), Payment(null, 100m, line: 13)]);

        overlapping.ShouldContain(first[0]);
        overlapping.ShouldContain(first[1]);
        overlapping.ShouldContain(first[2]);
    }

    [Fact]
    public void Assign_AnyPartOfThePaymentDiffers_AnotherKey()
    {
        var key = ReceiptKeys.Assign([Payment("1", 100m)])[0];

        ReceiptKeys.Assign([Payment("2", 100m)])[0].ShouldNotBe(key);
        ReceiptKeys.Assign([Payment("1", 100.01m)])[0].ShouldNotBe(key);
        ReceiptKeys.Assign([Payment("1", 100m, "SOMEONE ELSE")])[0].ShouldNotBe(key);
        ReceiptKeys.Assign([Payment("1", 100m) with { BookingDate = new DateOnly(2026, 11, 5) }])[0].ShouldNotBe(key);
        ReceiptKeys.Assign([Payment("1", 100m) with { ReceivingAccount = "999" }])[0].ShouldNotBe(key);
    }

    [Fact]
    public void Assign_AdviceAndTheCreditItDescribes_NeverTheSameKey()
    {
        var credit = Payment("VIR-2611-0187", 1929.92m);

        var keys = ReceiptKeys.Assign([credit, credit with { AdviceOnly = true }]);

        keys[0].ShouldContain("|RCPT|");
        keys[1].ShouldContain("|ADVC|");
        keys[1].ShouldEndWith("|1");
    }
}
