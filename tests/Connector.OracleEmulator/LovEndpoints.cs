using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// The read-only list-of-values resources a client uses to verify its setup (<c>connector targets check</c>):
/// finBusinessUnitsLOV, transactionSourcesLOV, transactionTypesLOV, paymentTermsLOV, currenciesLOV and
/// receiptMethodsLOV, each with <c>q</c>, paging, <c>fields</c>, <c>onlyData</c> and GET by id. Items are built once
/// from the setup. Set-enabled setups carry <c>SetName</c>: the emulator gives every business unit its own reference
/// data set, named like the business unit; payment terms and currencies are global (<c>Common Set</c>).
/// </summary>
internal sealed class LovEndpoints
{
    public const string BusinessUnits = "finBusinessUnitsLOV";
    public const string TransactionSources = "transactionSourcesLOV";
    public const string TransactionTypes = "transactionTypesLOV";
    public const string PaymentTerms = "paymentTermsLOV";
    public const string Currencies = "currenciesLOV";
    public const string ReceiptMethods = "receiptMethodsLOV";
    public const string CommonSet = "Common Set";

    private readonly List<(ResourceCollection Collection, List<JsonObject> Items)> _resources = [];

    public LovEndpoints(EmulatorSetup setup)
    {
        Add(BusinessUnits, "BusinessUnitId", setup.BusinessUnits.Select(b => new JsonObject
        {
            ["BusinessUnitId"] = b.Id, ["BusinessUnitName"] = b.Name, ["PrimaryLedgerCurrencyCode"] = b.LedgerCurrency,
        }));
        Add(TransactionSources, "TransactionSourceId", setup.TransactionSources.Select((s, i) => new JsonObject
        {
            ["TransactionSourceId"] = 300000100000000L + i, ["Name"] = s.Name, ["Description"] = s.Name, ["SetName"] = s.BusinessUnit,
        }));
        Add(TransactionTypes, "TransactionTypeId", setup.TransactionTypes.Select((t, i) => new JsonObject
        {
            ["TransactionTypeId"] = 300000200000000L + i, ["Name"] = t.Name, ["Description"] = t.Name, ["SetName"] = t.BusinessUnit,
        }));
        Add(PaymentTerms, "PaymentTermsId", setup.PaymentTerms.Select((t, i) => new JsonObject
        {
            ["PaymentTermsId"] = 300000300000000L + i, ["Name"] = t.Name,
            ["Description"] = string.Create(CultureInfo.InvariantCulture, $"Due {t.DueDays} days after the transaction date"),
            ["SetName"] = CommonSet,
        }));
        Add(Currencies, "CurrencyCode", setup.Currencies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new JsonObject
        {
            ["CurrencyCode"] = c.Key, ["Name"] = c.Key, ["Precision"] = c.Value,
        }));
        Add(ReceiptMethods, "ReceiptMethodId", setup.ReceiptMethods.Select((m, i) => new JsonObject
        {
            ["ReceiptMethodId"] = 300000400000000L + i, ["Name"] = m.Name, ["BusinessUnitName"] = m.BusinessUnit,
        }));
    }

    public void Map(WebApplication app)
    {
        foreach (var (collection, items) in _resources)
        {
            app.MapGet(collection.Path, context => collection.WriteAsync(context, items));
            app.MapGet(collection.Path + "/{id}", context =>
                collection.WriteItemAsync(context, collection.Find(items, context.Request.RouteValues["id"] as string)));
        }
    }

    private void Add(string resource, string idAttribute, IEnumerable<JsonObject> items)
    {
        var list = items.ToList();
        var attributes = new HashSet<string>(list.SelectMany(i => i.Select(p => p.Key)), StringComparer.Ordinal) { idAttribute };
        _resources.Add((new ResourceCollection(resource, idAttribute, attributes), list));
    }
}
