using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>A line of a batch still in RA_INTERFACE_LINES_ALL, with AutoInvoice's errors for it.</summary>
internal sealed record PendingLine(long? InterfaceLineId, int? LineNumber, long? RequestId, List<TargetError> Errors);

/// <summary>What EBS holds of one invoice, found by its line transaction flexfield.</summary>
internal sealed class InvoiceState
{
    public List<PendingLine> Pending { get; } = [];

    public ErpInvoice? Created { get; set; }

    public long? CreatedRequestId { get; set; }

    public int CreatedLines { get; set; }
}

/// <summary>
/// Reads, by the transaction flexfield (context, entity, INV/CM, number), what the interface and the created
/// transactions hold of a batch: the queries filter on context, entity and up to 500 numbers per round trip.
/// </summary>
internal static class EbsBatchState
{
    private const int NumbersPerQuery = 500;

    private const string PendingSql = """
        SELECT INTERFACE_LINE_ATTRIBUTE2, INTERFACE_LINE_ATTRIBUTE3, INTERFACE_LINE_ATTRIBUTE4, INTERFACE_LINE_ID, REQUEST_ID
        FROM RA_INTERFACE_LINES_ALL
        WHERE INTERFACE_LINE_CONTEXT = :context AND INTERFACE_LINE_ATTRIBUTE1 = :entity AND INTERFACE_LINE_ATTRIBUTE3 IN ({0})
        """;

    private const string ErrorsSql = """
        SELECT E.INTERFACE_LINE_ID, E.MESSAGE_TEXT, E.INVALID_VALUE
        FROM RA_INTERFACE_ERRORS_ALL E JOIN RA_INTERFACE_LINES_ALL L ON L.INTERFACE_LINE_ID = E.INTERFACE_LINE_ID
        WHERE L.INTERFACE_LINE_CONTEXT = :context AND L.INTERFACE_LINE_ATTRIBUTE1 = :entity AND L.INTERFACE_LINE_ATTRIBUTE3 IN ({0})
        """;

    private const string CreatedSql = """
        SELECT L.INTERFACE_LINE_ATTRIBUTE2, L.INTERFACE_LINE_ATTRIBUTE3, T.CUSTOMER_TRX_ID, T.TRX_NUMBER, T.INVOICE_CURRENCY_CODE,
               T.COMPLETE_FLAG, T.REQUEST_ID,
               (SELECT SUM(X.EXTENDED_AMOUNT) FROM RA_CUSTOMER_TRX_LINES_ALL X WHERE X.CUSTOMER_TRX_ID = T.CUSTOMER_TRX_ID) AS TOTAL
        FROM RA_CUSTOMER_TRX_LINES_ALL L JOIN RA_CUSTOMER_TRX_ALL T ON T.CUSTOMER_TRX_ID = L.CUSTOMER_TRX_ID
        WHERE L.INTERFACE_LINE_CONTEXT = :context AND L.INTERFACE_LINE_ATTRIBUTE1 = :entity AND L.INTERFACE_LINE_ATTRIBUTE3 IN ({0})
        """;

    /// <summary>The state of every invoice of the batch, by idempotency key.</summary>
    public static async Task<Dictionary<string, InvoiceState>> ReadAsync(EbsDatabase db, DbConnection connection, DbTransaction? transaction,
        InvoiceBatch batch, CancellationToken cancellationToken)
    {
        var entity = batch.Entity;
        var states = batch.Invoices.ToDictionary(p => p.IdempotencyKey, _ => new InvoiceState(), StringComparer.Ordinal);
        var numbers = batch.Invoices.Select(p => p.Invoice.Number).Distinct(StringComparer.Ordinal).ToList();
        var byLineId = new Dictionary<long, PendingLine>();
        InvoiceState? Of(object type, object number)
            => states.TryGetValue(IdempotencyKey.ForInvoice(entity.Code, EbsDatabase.Text(type) == "CM" ? InvoiceKind.CreditNote : InvoiceKind.Invoice,
                EbsDatabase.Text(number)), out var s) ? s : null;

        for (var start = 0; start < numbers.Count; start += NumbersPerQuery)
        {
            var chunk = numbers.Skip(start).Take(NumbersPerQuery).ToList();
            var parameters = chunk.Select((n, i) => (string.Create(CultureInfo.InvariantCulture, $"n{i}"), (object?)n))
                .Prepend(("entity", entity.Code)).Prepend(("context", entity.Target.FlexfieldContext)).ToArray();
            var list = string.Join(", ", chunk.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $":n{i}")));

            await using (var command = db.Command(connection, transaction, string.Format(CultureInfo.InvariantCulture, PendingSql, list), parameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (Of(reader.GetValue(0), reader.GetValue(1)) is not { } state)
                    {
                        continue;
                    }

                    var line = new PendingLine(EbsDatabase.Long(reader.GetValue(3)),
                        int.TryParse(EbsDatabase.Text(reader.GetValue(2)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                        EbsDatabase.Long(reader.GetValue(4)), []);
                    state.Pending.Add(line);
                    if (line.InterfaceLineId is { } id)
                    {
                        byLineId[id] = line;
                    }
                }
            }

            await using (var command = db.Command(connection, transaction, string.Format(CultureInfo.InvariantCulture, ErrorsSql, list), parameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (EbsDatabase.Long(reader.GetValue(0)) is { } id && byLineId.TryGetValue(id, out var line))
                    {
                        var invalid = reader.IsDBNull(2) ? null : EbsDatabase.Text(reader.GetValue(2));
                        line.Errors.Add(new TargetError(EbsDatabase.Text(reader.GetValue(1)), LineNumber: line.LineNumber, InvalidValue: invalid));
                    }
                }
            }

            await using (var command = db.Command(connection, transaction, string.Format(CultureInfo.InvariantCulture, CreatedSql, list), parameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (Of(reader.GetValue(0), reader.GetValue(1)) is not { } state)
                    {
                        continue;
                    }

                    state.CreatedLines++;
                    state.CreatedRequestId = EbsDatabase.Long(reader.GetValue(6));
                    state.Created ??= new ErpInvoice(
                        EbsDatabase.Text(reader.GetValue(2)),
                        EbsDatabase.Text(reader.GetValue(3)),
                        reader.IsDBNull(7) ? null : Convert.ToDecimal(reader.GetValue(7), CultureInfo.InvariantCulture),
                        EbsDatabase.Text(reader.GetValue(4)),
                        EbsDatabase.Text(reader.GetValue(5)) == "Y" ? "Complete" : "Incomplete");
                }
            }
        }

        return states;
    }
}
