using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Builds FR02-like entities pointing at the test server, targets through the factory, and invoices to post.</summary>
internal static class TrytonHarness
{
    private static int _entities;

    public static EntityDefinition Entity(TrytonServer server, string? password = null, Dictionary<string, string>? extra = null, string directory = "")
    {
        server.EnsureRunning();
        var variable = "FR02_TRYTON_PASSWORD_" + Interlocked.Increment(ref _entities).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = server.Url,
            ["database"] = server.Database,
            ["user"] = server.User,
            ["password"] = "${env:" + variable + "}",
            ["company"] = "ACME Test SARL",
            ["journal"] = "REV",
            ["account"] = "706",
            ["timeout"] = "30s",
        };
        foreach (var (key, value) in extra ?? [])
        {
            options[key] = value;
        }

        Secrets.Values[variable] = password ?? server.Password;
        return new EntityDefinition
        {
            Code = "FR02",
            Name = "Menuiserie Garnier SAS",
            Currency = "EUR",
            Country = "FR",
            Directory = directory,
            MasterData = "customers.csv",
            Target = new TargetDefinition
            {
                Type = "tryton",
                BusinessUnit = "ACME Test SARL",
                TransactionSource = "CONNECTOR FR02",
                TransactionType = "Invoice",
                CreditMemoType = "Credit Note",
                DefaultTerms = "Net 30",
                Options = options,
            },
        };
    }

    public static TestSecrets Secrets { get; } = new();

    public static TrytonTarget Target(EntityDefinition entity, TimeProvider? clock = null)
        => (TrytonTarget)new TrytonTargetFactory().Create(entity, new TargetContext(Path.GetTempPath(), Secrets, clock ?? TimeProvider.System, NullLoggerFactory.Instance));

    /// <summary>Today's date of the machine (the server's fiscal years are this year and the next).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    public static PostableInvoice Invoice(string number, string customer, IReadOnlyList<InvoiceLine> lines, InvoiceKind kind = InvoiceKind.Invoice, DateOnly? date = null, string? terms = null)
    {
        var invoice = new Invoice
        {
            EntityCode = "FR02",
            Number = number,
            Kind = kind,
            IssueDate = date ?? Today,
            Currency = "EUR",
            PaymentTerms = terms,
            Customer = new CustomerReference(customer, null, null),
            ResolvedCustomer = new ResolvedCustomer(customer, customer, null),
            PurchaseOrder = "PO-" + number,
            Lines = lines,
            Source = new SourceLocation("test.csv", 2),
        };
        return new PostableInvoice(1, IdempotencyKey.ForInvoice("FR02", kind, number), invoice);
    }

    public static InvoiceLine Line(int number, string description, decimal quantity, decimal price, string? taxCode, decimal? rate)
    {
        var amount = Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
        return new InvoiceLine
        {
            LineNumber = number,
            Description = description,
            Quantity = quantity,
            UnitPrice = price,
            Amount = amount,
            TaxCode = taxCode,
            TaxRate = rate,
            TaxAmount = rate is { } r ? Math.Round(amount * r / 100m, 2, MidpointRounding.AwayFromZero) : 0m,
        };
    }

    /// <summary>A unique invoice number, so that the tests sharing the server never see each other's invoices.</summary>
    public static string Number(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>The customer invoices holding the key, as Tryton stores them.</summary>
    public static async Task<JsonArray> InvoicesAsync(TrytonTarget target, string key)
        => await target.Rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("reference", "=", key)], null,
            ["id", "number", "state", "party", "party.code", "invoice_date", "untaxed_amount", "tax_amount", "total_amount", "payment_term.name", "lines"], CancellationToken.None);

    public static async Task<JsonArray> LinesAsync(TrytonTarget target, int invoice)
        => await target.Rpc.SearchReadAsync("account.invoice.line", [TrytonJson.Clause("invoice", "=", invoice)], null,
            ["description", "quantity", "unit_price", "amount", "taxes", "account.code"], CancellationToken.None);
}

/// <summary>Resolves <c>${env:NAME}</c> from a dictionary (never the process environment).</summary>
internal sealed class TestSecrets : ISecretSource
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string Resolve(string optionName, string value)
    {
        if (!value.StartsWith("${env:", StringComparison.Ordinal))
        {
            return value;
        }

        var name = value[6..^1];
        return Values.TryGetValue(name, out var secret) ? secret : throw new TargetSetupException($"option {optionName}: {value} is not set");
    }
}
