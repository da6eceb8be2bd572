using Connector.Adapters.Abstractions;
using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Login, the session, and what the target says of its setup, against the real Tryton.</summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonSessionTests(TrytonServer server)
{
    [TrytonFact]
    public async Task PostAsync_SessionUnknownToServer_LogsInOnceMoreAndPostsOnce()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        await target.Rpc.EnsureLoggedInAsync(CancellationToken.None);
        target.Rpc.ReplaceSession(Convert.ToBase64String("admin:1:0000000000000000000000000000000000000000000000000000000000000000"u8));
        var invoice = Invoice(Number("F"), "CLI-105", [Line(1, "Réparation porte", 2m, 52m, "T.V.A. Vente de services Taux Normal", 20m)]);

        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);

        target.Rpc.Relogins.ShouldBe(1);
        posted.Status.ShouldBe("posted");
        (await InvoicesAsync(target, invoice.IdempotencyKey)).Count.ShouldBe(1);
    }

    [TrytonFact]
    public async Task PostAsync_WrongPassword_SetupErrorWithoutThePassword()
    {
        const string wrong = "Not-The-Password-42";
        var entity = Entity(server, password: wrong);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-101", [Line(1, "x", 1m, 1m, null, null)]);

        var error = await Should.ThrowAsync<TargetSetupException>(() => target.PostAsync(entity, invoice, CancellationToken.None));

        error.Message.ShouldContain("login was refused");
        error.Message.ShouldNotContain(wrong);
        error.Message.ShouldNotContain(server.Password);
    }

    [TrytonFact]
    public async Task CheckAsync_SeededServer_EveryItemOkWithPartiesCounted()
    {
        var folder = Directory.CreateTempSubdirectory("fr02-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "customers.csv"),
                "account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address\n"
                + "CLI-101,Boulangerie Martin SARL,,,active,EUR,,12 rue de la Marne 44000 Nantes\n"
                + "\"CLI-102\",\"Hôtel du Port, SAS\",,,active,EUR,,\n");
            var entity = Entity(server, directory: folder.FullName);
            using var target = Target(entity);

            var checks = await target.CheckAsync(entity, CancellationToken.None);

            checks.Select(c => c.Item).ShouldBe(["login", "company", "currency", "payment term", "journal and accounts", "fiscal period", "parties"]);
            checks.Where(c => !c.Ok).ShouldBeEmpty();
            checks.Single(c => c.Item == "parties").Detail.ShouldStartWith("2 of 2 master customers");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TrytonFact]
    public async Task CheckAsync_SampleEntityFR02_EveryMasterCustomerIsAParty()
    {
        var entity = Entity(server, directory: Path.Combine(Path.GetDirectoryName(TrytonBinaries.SetupScript)!, "..", "..", "mappings", "fr-tryton"));
        using var target = Target(entity);

        var checks = await target.CheckAsync(entity, CancellationToken.None);

        checks.Single(c => c.Item == "parties").ShouldSatisfyAllConditions(c => c.Ok.ShouldBeTrue(), c => c.Detail.ShouldStartWith("10 of 10 master customers"));
    }

    [TrytonFact]
    public async Task CheckAsync_MasterDataFromTheTarget_PartiesAreTheCustomersNotAMissingFile()
    {
        var entity = Entity(server) with { MasterData = "target" };
        using var target = Target(entity);

        var checks = await target.CheckAsync(entity, CancellationToken.None);

        checks.Single(c => c.Item == "parties").ShouldSatisfyAllConditions(c => c.Ok.ShouldBeTrue(), c => c.Detail.ShouldContain("10 parties with a code are the customers"));
    }

    [TrytonFact]
    public async Task CheckAsync_WrongCompanyIdMissingTermAndParty_ItemsSayWhat()
    {
        var folder = Directory.CreateTempSubdirectory("fr02-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "customers.csv"),
                "account_number,name\nCLI-101,Boulangerie Martin SARL\nCLI-999,Inconnu SARL\n");
            var entity = Entity(server, directory: folder.FullName);
            entity = entity with { Target = entity.Target with { DefaultTerms = "Net 90", BusinessUnitId = "7" } };
            using var target = Target(entity);

            var checks = await target.CheckAsync(entity, CancellationToken.None);

            checks.Single(c => c.Item == "company").ShouldSatisfyAllConditions(c => c.Ok.ShouldBeFalse(), c => c.Detail.ShouldContain("business_unit_id is 7, but the company is 1"));
            checks.Single(c => c.Item == "payment term").ShouldSatisfyAllConditions(c => c.Ok.ShouldBeFalse(), c => c.Detail.ShouldContain("'Net 90'"));
            checks.Single(c => c.Item == "parties").ShouldSatisfyAllConditions(c => c.Ok.ShouldBeFalse(), c => c.Detail.ShouldContain("missing: CLI-999"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TrytonFact]
    public async Task CheckAsync_WrongPassword_LoginItemFailsAndNothingThrows()
    {
        var entity = Entity(server, password: "Wrong-Password-7");
        using var target = Target(entity);

        var checks = await target.CheckAsync(entity, CancellationToken.None);

        checks.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Item.ShouldBe("login"), c => c.Ok.ShouldBeFalse());
    }
}
