using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Targets.OracleFusionFbdi;

/// <summary>One emulator per test class, fast jobs (one running poll), and builders of DE01 entities and invoices.</summary>
public sealed class FusionFbdiFixture : IAsyncLifetime
{
    public FusionEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

internal static class FusionFbdiTestData
{
    public const string PasswordVariable = "FBDI_TEST_PASSWORD";

    public static EntityDefinition Entity(FusionEmulator emulator, string context = "CONNECTOR", Dictionary<string, string>? options = null) => new()
    {
        Code = "DE01",
        Name = "Mueller Maschinenbau GmbH",
        Currency = "EUR",
        Country = "DE",
        Directory = "/nonexistent/DE01",
        MasterData = "customers.csv",
        Target = new TargetDefinition
        {
            Type = "oracle-fusion-fbdi",
            BusinessUnit = EmulatorSetup.De,
            BusinessUnitId = "300000047123512",
            TransactionSource = "CONNECTOR DE01",
            TransactionType = "DE01 Rechnung",
            CreditMemoType = "DE01 Gutschrift",
            DefaultTerms = "30 NET",
            FlexfieldContext = context,
            Options = options ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["url"] = emulator.BaseAddress.ToString(),
                ["user"] = EmulatorSetup.DefaultUser,
                ["password"] = "${env:" + PasswordVariable + "}",
                ["timeout"] = "10",
            },
        },
    };

    /// <summary>Builds the target as the host does: through the registry, secrets from a fake environment.</summary>
    public static IBatchInvoiceTarget Target(EntityDefinition entity, string password = EmulatorSetup.DefaultPassword)
    {
        var secrets = new SecretSource(null, name => name == PasswordVariable ? password : null);
        var context = new TargetContext("/nonexistent", secrets, new FixedClock(), NullLoggerFactory.Instance);
        return (IBatchInvoiceTarget)TargetRegistry.WithBuiltIns().Create(entity, context);
    }

    public static string NewNumber() => "T" + Guid.NewGuid().ToString("N")[..12];

    public static Invoice Invoice(string number, InvoiceKind kind = InvoiceKind.Invoice, string account = "10001", params InvoiceLine[] lines) => new()
    {
        EntityCode = "DE01",
        Number = number,
        Kind = kind,
        IssueDate = new DateOnly(2026, 11, 20),
        Currency = "EUR",
        PaymentTerms = kind == InvoiceKind.Invoice ? "30 NET" : null,
        ResolvedCustomer = new ResolvedCustomer(account, "Hoffmann Fördertechnik GmbH", account + "-BT1"),
        Comments = "November delivery",
        Lines = lines.Length > 0 ? lines : [Line(1, 2m, 100m), Line(2, 1m, 49.99m)],
        Source = new SourceLocation("rechnungen.csv", 2),
    };

    public static InvoiceLine Line(int number, decimal quantity, decimal unitPrice, decimal? amount = null, string description = "Spindle") => new()
    {
        LineNumber = number,
        Description = description,
        Quantity = quantity,
        UnitOfMeasure = "EA",
        UnitPrice = unitPrice,
        Amount = amount ?? quantity * unitPrice,
        TaxCode = "DE VAT 19",
    };

    public static InvoiceBatch Batch(EntityDefinition entity, params Invoice[] invoices) =>
        new("DE01-" + Guid.NewGuid().ToString("N")[..12], entity,
            [.. invoices.Select((inv, i) => new PostableInvoice(i + 1, IdempotencyKey.ForInvoice(inv.EntityCode, inv.Kind, inv.Number), inv))]);

    /// <summary>Confirms until the import is completed (at most 10 looks).</summary>
    public static async Task<BatchConfirmation> ConfirmAsync(this IBatchInvoiceTarget target, InvoiceBatch batch, BatchSubmission submission)
    {
        for (var i = 0; i < 10; i++)
        {
            var confirmation = await target.ConfirmAsync(batch, submission, CancellationToken.None);
            if (confirmation.Status != ConfirmationStatus.Running)
            {
                return confirmation;
            }
        }

        throw new InvalidOperationException("The import did not complete.");
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    }
}
