using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// GET receivablesCustomerAccountActivities (one item per customer account: CustomerAccountId, AccountNumber,
/// CustomerName) and its child standardReceiptApplications (ApplicationId, ApplicationDate, ApplicationAmount,
/// ApplicationStatus, ReferenceTransactionNumber, StandardReceiptId, ReceiptNumber), where Fusion reads applications
/// of receipts back. Both take <c>q</c>, paging, <c>fields</c> and <c>onlyData</c>.
/// </summary>
internal sealed class AccountActivityEndpoints(EmulatorSetup setup, ReceiptStore receipts, ReceivableLedger ledger)
{
    public const string Resource = "receivablesCustomerAccountActivities";
    public const string ApplicationsChild = "standardReceiptApplications";

    private const long FirstAccountId = 300100040000001;

    private static readonly ResourceCollection Accounts = new(Resource, "CustomerAccountId",
        new HashSet<string>(["CustomerAccountId", "AccountNumber", "CustomerName"], StringComparer.Ordinal));

    private static readonly HashSet<string> ApplicationAttributes = new(
        ["ApplicationId", "ApplicationDate", "ApplicationAmount", "ApplicationStatus", "ReferenceTransactionNumber", "StandardReceiptId", "ReceiptNumber"],
        StringComparer.Ordinal);

    public void Map(WebApplication app)
    {
        app.MapGet(Accounts.Path, context => Accounts.WriteAsync(context, AccountItems()));
        app.MapGet(Accounts.Path + "/{id}", context => Accounts.WriteItemAsync(context, Accounts.Find(AccountItems(), context.Request.RouteValues["id"] as string)));
        app.MapGet(Accounts.Path + "/{id}/child/" + ApplicationsChild, GetApplicationsAsync);
    }

    private IEnumerable<JsonObject> AccountItems() => setup.Customers.Select((c, i) => new JsonObject
    {
        ["CustomerAccountId"] = FirstAccountId + i,
        ["AccountNumber"] = c.AccountNumber,
        ["CustomerName"] = c.Name,
    });

    private Task GetApplicationsAsync(HttpContext context)
    {
        var account = Accounts.Find(AccountItems(), context.Request.RouteValues["id"] as string);
        if (account is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var number = EmulatedInvoice.JsonText(account["AccountNumber"]);
        var receiptsOfAccount = receipts.Snapshot().Where(r => r.CustomerAccountNumber == number).ToDictionary(r => r.StandardReceiptId);
        var items = ledger.Snapshot().Where(a => receiptsOfAccount.ContainsKey(a.StandardReceiptId)).Select(a => new JsonObject
        {
            ["ApplicationId"] = a.ApplicationId,
            ["ApplicationDate"] = a.ApplicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ApplicationAmount"] = a.AmountApplied,
            ["ApplicationStatus"] = "APP",
            ["ReferenceTransactionNumber"] = a.TransactionNumber,
            ["StandardReceiptId"] = a.StandardReceiptId,
            ["ReceiptNumber"] = receiptsOfAccount[a.StandardReceiptId].ReceiptNumber,
        });
        var child = new ResourceCollection(Resource + "/" + EmulatedInvoice.JsonText(account["CustomerAccountId"]) + "/child/" + ApplicationsChild,
            "ApplicationId", ApplicationAttributes);
        return child.WriteAsync(context, items);
    }
}
