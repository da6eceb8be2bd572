using Connector.Mapping.EInvoicing;
using Connector.Mapping.Entities;

namespace Connector.Mapping.Tests.EInvoicing;

public sealed class SellerRouterTests
{
    private static readonly EntityDefinition Fr01 = Entity("FR01", new() { VatIds = ["FR13412987653"], LegalIds = ["0009:41298765310009"], ElectronicAddresses = ["0225:412987653"] });
    private static readonly EntityDefinition De01 = Entity("DE01", new() { VatIds = ["DE 123 456 789"], ElectronicAddresses = ["0204:04011000-12345-03"] });
    private static readonly EntityDefinition Us01 = Entity("US01", EntityIdentifiers.None);
    private static readonly SellerRouter Router = new([Fr01, De01, Us01]);

    [Fact]
    public void Route_VatIdWrittenWithSpaces_FindsTheEntity()
    {
        var route = Router.Route(new EInvoiceParty { Name = "Dupont", VatId = "fr 13 412 987 653" });

        route.Entity.ShouldBe(Fr01);
        route.Reason.ShouldBe("seller VAT id fr 13 412 987 653 is entity FR01 (FR01 company)");
    }

    [Fact]
    public void Route_SirenAsLegalId_MeetsTheSirenInsideTheEntityVat()
    {
        Router.Route(new EInvoiceParty { LegalId = new SchemedId("412987653", "0002") }).Entity.ShouldBe(Fr01);
    }

    [Fact]
    public void Route_ElectronicAddressOnly_FindsTheEntity()
    {
        Router.Route(new EInvoiceParty { ElectronicAddress = new SchemedId("04011000-12345-03", "0204") }).Entity.ShouldBe(De01);
    }

    [Fact]
    public void Route_UnknownVatButKnownElectronicAddress_TriesTheNextIdentifier()
    {
        Router.Route(new EInvoiceParty { VatId = "FR00999999999", ElectronicAddress = new SchemedId("412987653", "0225") }).Entity.ShouldBe(Fr01);
    }

    [Fact]
    public void Route_SellerOfNoEntity_SaysWhatWasTriedAndWhereToAddIt()
    {
        var route = Router.Route(new EInvoiceParty { Name = "Le Fournisseur", VatId = "FR11123456782" });

        route.Found.ShouldBeFalse();
        route.Reason.ShouldContain("VAT id FR11123456782");
        route.Reason.ShouldContain("identifiers: in its entity.yaml");
    }

    [Fact]
    public void Route_NameOnly_IsNeverEnough()
    {
        var route = Router.Route(new EInvoiceParty { Name = "FR01 company" });

        route.Found.ShouldBeFalse();
        route.Reason.ShouldContain("gives no VAT id, legal id or electronic address");
    }

    [Fact]
    public void Route_TwoEntitiesWithTheSameVat_RefusesToChoose()
    {
        var router = new SellerRouter([Fr01, Entity("FR09", new() { VatIds = ["FR13412987653"] })]);

        var route = router.Route(new EInvoiceParty { VatId = "FR13412987653" });

        route.Found.ShouldBeFalse();
        route.Ambiguous.ShouldBe(["FR01", "FR09"]);
    }

    private static EntityDefinition Entity(string code, EntityIdentifiers identifiers) => new()
    {
        Code = code,
        Name = $"{code} company",
        Currency = "EUR",
        Country = "FR",
        Directory = "/m",
        MasterData = "customers.csv",
        Identifiers = identifiers,
        Target = new TargetDefinition { Type = "oracle-fbdi", BusinessUnit = "BU", TransactionSource = "S", TransactionType = "T", CreditMemoType = "C", DefaultTerms = "30 NET" },
    };
}
