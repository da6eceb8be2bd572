using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// <c>connector targets check</c> for Fusion REST: the URL answers, the credentials are accepted, the user may read
/// receivablesInvoices, and the entity's business unit, transaction source, transaction and credit memo types, default
/// terms and functional currency exist, looked up by name in Oracle's list-of-values resources. Each is one item.
/// </summary>
internal sealed class FusionSetupCheck(FusionHttp http)
{
    public async Task<IReadOnlyList<TargetCheck>> RunAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var checks = new List<TargetCheck>();
        if (!await ConnectAsync(checks, cancellationToken).ConfigureAwait(false))
        {
            return checks;
        }

        var target = entity.Target;
        var lookups = new (string Item, string Resource, string Attribute, string Value, string What)[]
        {
            ("business unit", "finBusinessUnitsLOV", "BusinessUnitName", target.BusinessUnit, "business unit"),
            ("transaction source", "transactionSourcesLOV", "Name", target.TransactionSource, "transaction source"),
            ("transaction type", "transactionTypesLOV", "Name", target.TransactionType, "transaction type"),
            ("credit memo type", "transactionTypesLOV", "Name", target.CreditMemoType, "transaction type (for credit memos)"),
            ("default terms", "paymentTermsLOV", "Name", target.DefaultTerms, "payment terms"),
            ("currency", "currenciesLOV", "CurrencyCode", entity.Currency, "currency"),
        };
        foreach (var (item, resource, attribute, value, what) in lookups)
        {
            checks.Add(await LookUpAsync(item, resource, attribute, value, what, cancellationToken).ConfigureAwait(false));
        }

        return checks;
    }

    /// <summary>One small read of receivablesInvoices: does the URL answer, are the credentials and the privilege there.</summary>
    private async Task<bool> ConnectAsync(List<TargetCheck> checks, CancellationToken cancellationToken)
    {
        var url = http.Describe();
        FusionAnswer answer;
        try
        {
            answer = await http.ProbeAsync(OracleFusionRestTarget.InvoicesResource + "?limit=1&onlyData=true&fields=CustomerTransactionId", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TransientTargetException e)
        {
            checks.Add(new TargetCheck("connection", false, $"{url} does not answer: {e.Message}"));
            return false;
        }

        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            checks.Add(new TargetCheck("connection", true, $"{url} answers"));
            checks.Add(new TargetCheck("credentials", false, "refused (HTTP 401): check target.options user and password, or token"));
            return false;
        }

        if (answer.Status == HttpStatusCode.NotFound)
        {
            checks.Add(new TargetCheck("connection", false,
                $"{url} answers, but has no receivablesInvoices resource (HTTP 404): target.options.url must be the server (https://host) or its /fscmRestApi/resources/<version> path"));
            return false;
        }

        checks.Add(new TargetCheck("connection", true, $"{url} answers"));
        checks.Add(new TargetCheck("credentials", true, "accepted"));
        checks.Add(answer.Ok ? new TargetCheck("invoice privilege", true, "receivablesInvoices can be read")
            : answer.Status == HttpStatusCode.Forbidden ? new TargetCheck("invoice privilege", false,
                "HTTP 403 on receivablesInvoices: grant the user AR_CREATE_RECEIVABLES_INVOICE_PRIV (e.g. through a role that has it)")
            : new TargetCheck("invoice privilege", false, string.Create(CultureInfo.InvariantCulture,
                $"receivablesInvoices answered HTTP {(int)answer.Status}: {FusionHttp.Excerpt(answer.Body)}")));
        return true;
    }

    private async Task<TargetCheck> LookUpAsync(
        string item, string resource, string attribute, string value, string what, CancellationToken cancellationToken)
    {
        FusionAnswer answer;
        try
        {
            var q = FusionQuery.AllEqual(http.FrameworkVersion, (attribute, value));
            answer = await http.GetAsync($"{resource}?q={q}&onlyData=true&limit=1", cancellationToken).ConfigureAwait(false);
        }
        catch (TargetException e)
        {
            return new TargetCheck(item, false, $"'{value}' could not be looked up in {resource}: {e.Message}");
        }

        if (!answer.Ok)
        {
            return new TargetCheck(item, false, string.Create(CultureInfo.InvariantCulture,
                $"'{value}' could not be looked up: {resource} answered HTTP {(int)answer.Status} ({FusionHttp.Excerpt(answer.Body)})"));
        }

        var found = Items(answer.Body);
        if (found is null)
        {
            return new TargetCheck(item, false, $"'{value}' could not be looked up: {resource} did not answer with a collection");
        }

        if (found.Count == 0)
        {
            return new TargetCheck(item, false, $"the {what} '{value}' does not exist in Oracle ({resource} has no {attribute} '{value}'); create it or correct the entity's target");
        }

        var set = found[0]?["SetName"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? $" (set {s.GetValue<string>()})" : string.Empty;
        return new TargetCheck(item, true, $"the {what} '{value}' exists{set}");
    }

    private static JsonArray? Items(string body)
    {
        try
        {
            return (JsonNode.Parse(body) as JsonObject)?["items"] as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
