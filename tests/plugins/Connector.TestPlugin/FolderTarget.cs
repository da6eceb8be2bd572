using System.Text.Json;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.TestPlugin.Helper;

namespace Connector.TestPlugin;

/// <summary>A per-invoice target keeping each invoice as <c>{key}.json</c> in its folder; a key already there is refused.</summary>
public sealed class FolderTarget : IPerInvoiceTarget
{
    private readonly string _folder;

    public FolderTarget(string folder) => _folder = folder;

    public string Type => FolderTargetFactory.TypeName;

    public string Folder => _folder;

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        IReadOnlyList<TargetCheck> checks = [Directory.Exists(_folder)
            ? new TargetCheck("folder", true, _folder)
            : new TargetCheck("folder", false, $"{_folder} does not exist; create it.")];
        return Task.FromResult(checks);
    }

    public async Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!Directory.Exists(_folder))
        {
            throw new TargetSetupException($"The folder {_folder} does not exist.");
        }

        var file = Path.Combine(_folder, RecordFileName.For(invoice.IdempotencyKey));
        var held = new ErpInvoice(invoice.IdempotencyKey, invoice.Invoice.Number, invoice.Invoice.GrossTotal, invoice.Invoice.Currency, "kept");
        try
        {
            var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, held, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException) when (File.Exists(file))
        {
            throw new RefusedByTargetException($"Invoice {invoice.Invoice.Number} is already kept.", [new TargetError("already kept", "DUPLICATE", null, invoice.Invoice.Number)]);
        }

        return held;
    }

    public async Task<ErpInvoice?> FindAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var file = Path.Combine(_folder, RecordFileName.For(invoice.IdempotencyKey));
        if (!File.Exists(file))
        {
            return null;
        }

        var stream = File.OpenRead(file);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<ErpInvoice>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
