using Connector.Mapping.EInvoicing;
using static Connector.Mapping.Tests.EInvoicing.Mapping.MapperHelper;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class CustomerMappingTests
{
    [Fact]
    public void Map_Buyer_AccountTaxIdNameAndOtherIds()
    {
        var c = Map(EInvoiceFixtures.Valid()).Invoice.Customer;

        c.AccountNumber.ShouldBe("C-1001");
        c.TaxId.ShouldBe("FR12345678901");
        c.Name.ShouldBe("ACME SARL");
        c.OtherIds.ShouldBe(["12345678900012", "0009:12345678900012", "0225:123456789", "0088:4012345000009"]);
    }

    [Fact]
    public void Map_BuyerWithoutVatIdOrUnschemedId_FallsBackToLegalIdAndTradingName()
    {
        var e = EInvoiceFixtures.Valid();
        e = e with
        {
            Buyer = e.Buyer with
            {
                VatId = null,
                Name = null,
                TradingName = "ACME",
                Identifiers = [new SchemedId("123456789", "0225")],
                ElectronicAddress = new SchemedId("123456789", "0225"),
            },
        };

        var c = Map(e).Invoice.Customer;

        c.AccountNumber.ShouldBeNull();
        c.TaxId.ShouldBe("12345678900012");
        c.Name.ShouldBe("ACME");
        c.OtherIds.ShouldBe(["12345678900012", "0009:12345678900012", "0225:123456789"]);
    }
}
