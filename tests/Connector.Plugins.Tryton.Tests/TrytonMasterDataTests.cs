using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Tryton's parties as the entity's customers (<c>master_data: target</c>).</summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonMasterDataTests(TrytonServer server)
{
    [TrytonFact]
    public async Task LoadAsync_EveryPartyWithACode_ACustomerWithItsNameAndAnInvoiceAddress()
    {
        var entity = Entity(server);
        using var target = Target(entity);

        var customers = await target.LoadAsync(entity, CancellationToken.None);

        // The parties setup_db.py seeded from the FR02 customer master (setup.json): the same codes, names, addresses.
        var seeded = server.Setup.GetProperty("customers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        customers.Select(c => c.AccountNumber).Order(StringComparer.Ordinal).ShouldBe(seeded.Keys.Order(StringComparer.Ordinal));
        foreach (var customer in customers)
        {
            customer.Name.ShouldBe(seeded[customer.AccountNumber].GetProperty("name").GetString());
            customer.BillToSite!.SiteNumber.ShouldBe(seeded[customer.AccountNumber].GetProperty("invoice_address").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
