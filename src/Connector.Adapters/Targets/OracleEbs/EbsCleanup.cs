using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Removes the interface rows of invoices AutoInvoice did not import (with their errors and distributions), so that a
/// corrected record can be sent again under the same transaction flexfield.
/// </summary>
internal static class EbsCleanup
{
    private const int IdsPerStatement = 500;

    public static async Task DeleteAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, InvoiceBatch batch,
        IReadOnlyList<PostableInvoice> invoices, Dictionary<string, InvoiceState> states, CancellationToken cancellationToken)
    {
        var ids = invoices.SelectMany(p => states[p.IdempotencyKey].Pending).Select(l => l.InterfaceLineId).OfType<long>().ToList();
        for (var start = 0; start < ids.Count; start += IdsPerStatement)
        {
            var chunk = ids.Skip(start).Take(IdsPerStatement).ToList();
            var names = chunk.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"i{i}")).ToList();
            var list = string.Join(", ", names.Select(n => ":" + n));
            var parameters = chunk.Select((id, i) => (names[i], (object?)id)).ToArray();
            await ExecuteAsync(db, connection, transaction, $"DELETE FROM RA_INTERFACE_ERRORS_ALL WHERE INTERFACE_LINE_ID IN ({list})", parameters, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(db, connection, transaction, $"DELETE FROM RA_INTERFACE_DISTRIBUTIONS_ALL WHERE INTERFACE_LINE_ID IN ({list})", parameters, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(db, connection, transaction, $"DELETE FROM RA_INTERFACE_LINES_ALL WHERE INTERFACE_LINE_ID IN ({list})", parameters, cancellationToken).ConfigureAwait(false);
        }

        foreach (var postable in invoices)
        {
            var state = states[postable.IdempotencyKey];
            var unselected = state.Pending.Any(l => l.InterfaceLineId is null);
            if (!unselected && db.Options.Distributions == EbsDistributions.AutoAccounting)
            {
                continue;
            }

            // Rows no AutoInvoice run selected yet (no INTERFACE_LINE_ID), and distributions linked by the flexfield.
            (string, object?)[] key =
            [
                ("context", batch.Entity.Target.FlexfieldContext), ("entity", batch.Entity.Code),
                ("type", IdempotencyKey.TypeCode(postable.Invoice.Kind)), ("number", postable.Invoice.Number),
            ];
            const string Where = "INTERFACE_LINE_CONTEXT = :context AND INTERFACE_LINE_ATTRIBUTE1 = :entity AND INTERFACE_LINE_ATTRIBUTE2 = :type AND INTERFACE_LINE_ATTRIBUTE3 = :number";
            await ExecuteAsync(db, connection, transaction, $"DELETE FROM RA_INTERFACE_DISTRIBUTIONS_ALL WHERE {Where}", key, cancellationToken).ConfigureAwait(false);
            if (unselected)
            {
                await ExecuteAsync(db, connection, transaction, $"DELETE FROM RA_INTERFACE_LINES_ALL WHERE INTERFACE_LINE_ID IS NULL AND {Where}", key, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, string sql,
        (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = db.Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
