using System.Data;
using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Receipts through AutoLockbox, one transmission per receipt (<see cref="EbsLockboxRows"/>). Exactly once: the posted
/// receipt is looked for first (AR_CASH_RECEIPTS_ALL by receipt number, amount and date, with its applications);
/// then the transmission by its deterministic name: a transmission already in AR_TRANSMISSIONS_ALL is never loaded or
/// submitted again (Lockbox itself only refuses duplicates within a batch), its interface rows' STATUS gives the
/// reasons of a rejection. Rows are inserted in one transaction, then Process Lockboxes is submitted through the
/// configurable statement. One look follows, no waiting: a request still running is a transient failure, so the
/// pipeline looks the receipt up again later.
/// </summary>
internal sealed class EbsLockbox(EbsDatabase db, TimeProvider clock)
{
    private const string FindSql = """
        SELECT CASH_RECEIPT_ID, RECEIPT_NUMBER, AMOUNT, STATUS FROM AR_CASH_RECEIPTS_ALL
         WHERE RECEIPT_NUMBER = :receipt_number AND AMOUNT = :amount AND RECEIPT_DATE = :receipt_date AND ORG_ID = :org_id
         ORDER BY CASE WHEN ATTRIBUTE15 = :transmission_name THEN 0 ELSE 1 END, CASH_RECEIPT_ID
        """;

    private const string ApplicationsSql = """
        SELECT RA.RECEIVABLE_APPLICATION_ID, RA.STATUS, RA.AMOUNT_APPLIED, RA.EARNED_DISCOUNT_TAKEN, T.TRX_NUMBER
          FROM AR_RECEIVABLE_APPLICATIONS_ALL RA
          LEFT JOIN RA_CUSTOMER_TRX_ALL T ON T.CUSTOMER_TRX_ID = RA.APPLIED_CUSTOMER_TRX_ID
         WHERE RA.CASH_RECEIPT_ID = :cash_receipt_id
         ORDER BY RA.RECEIVABLE_APPLICATION_ID
        """;

    public async Task<ErpReceipt> PostAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var lockbox = EbsReceiptOptions.ForReceipts(receipt.Entity);
        var name = EbsLockboxRows.TransmissionName(receipt.IdempotencyKey);
        var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                if (await FindAsync(connection, receipt, ct).ConfigureAwait(false) is { } posted)
                {
                    return posted;
                }

                var requestId = await TransmissionRequestAsync(connection, name, ct).ConfigureAwait(false);
                if (requestId is null)
                {
                    if (await InterfaceRowsAsync(connection, name, ct).ConfigureAwait(false) == 0)
                    {
                        await InsertAsync(connection, receipt, lockbox, ct).ConfigureAwait(false);
                    }

                    requestId = await SubmitAsync(connection, receipt, lockbox, name, ct).ConfigureAwait(false);
                }

                return await OutcomeAsync(connection, receipt, name, requestId.Value, ct).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw db.Classify($"posting receipt {receipt.ReceiptNumber} through Lockbox", e);
            }
        }
    }

    public async Task<ErpReceipt?> FindAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await FindAsync(connection, receipt, ct).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw db.Classify($"looking up receipt {receipt.ReceiptNumber}", e);
            }
        }
    }

    private async Task<ErpReceipt?> FindAsync(DbConnection connection, ReceiptPosting receipt, CancellationToken ct)
    {
        long id;
        string number;
        decimal amount;
        string status;
        await using (var command = db.Command(connection, null, FindSql, ("receipt_number", receipt.ReceiptNumber), ("amount", receipt.Amount),
            ("receipt_date", receipt.ReceiptDate.ToDateTime(TimeOnly.MinValue)), ("org_id", db.Options.OrgId),
            ("transmission_name", EbsLockboxRows.TransmissionName(receipt.IdempotencyKey))))
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            id = EbsDatabase.Long(reader.GetValue(0))!.Value;
            number = EbsDatabase.Text(reader.GetValue(1));
            amount = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            status = EbsDatabase.Text(reader.GetValue(3));
        }

        var applications = new List<ErpReceiptApplication>();
        var unapplied = amount;
        await using (var command = db.Command(connection, null, ApplicationsSql, ("cash_receipt_id", id)))
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (EbsDatabase.Text(reader.GetValue(1)) != "APP")
                {
                    continue;
                }

                var applied = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
                var discount = reader.IsDBNull(3) ? 0m : Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
                applications.Add(new ErpReceiptApplication(EbsDatabase.Text(reader.GetValue(4)), applied, discount, EbsDatabase.Text(reader.GetValue(0))));
                unapplied -= applied;
            }
        }

        return new ErpReceipt(id.ToString(CultureInfo.InvariantCulture), number, amount, unapplied, status, applications);
    }

    private async Task<long?> TransmissionRequestAsync(DbConnection connection, string name, CancellationToken ct)
    {
        await using var command = db.Command(connection, null,
            "SELECT TRANSMISSION_REQUEST_ID FROM AR_TRANSMISSIONS_ALL WHERE TRANSMISSION_NAME = :transmission_name", ("transmission_name", name));
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is null or DBNull ? null : EbsDatabase.Long(value) ?? 0;
    }

    private async Task<long> InterfaceRowsAsync(DbConnection connection, string name, CancellationToken ct)
    {
        await using var command = db.Command(connection, null,
            $"SELECT COUNT(*) FROM AR_PAYMENTS_INTERFACE_ALL WHERE {EbsLockboxRows.KeyColumn} = :transmission_name AND ORG_ID = :org_id",
            ("transmission_name", name), ("org_id", db.Options.OrgId));
        return EbsDatabase.Long(await command.ExecuteScalarAsync(ct).ConfigureAwait(false)) ?? 0;
    }

    private async Task InsertAsync(DbConnection connection, ReceiptPosting receipt, EbsReceiptOptions lockbox, CancellationToken ct)
    {
        var rows = EbsLockboxRows.Build(receipt, lockbox, db.Options.OrgId, db.Options.UserId, DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified));
        var sql = $"INSERT INTO AR_PAYMENTS_INTERFACE_ALL ({string.Join(", ", EbsLockboxRows.Columns)}) VALUES ({string.Join(", ", EbsLockboxRows.Columns.Select(c => ":" + c.ToLowerInvariant()))})";
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await using var command = db.Command(connection, transaction, sql, [.. row.Select(c => (c.Key.ToLowerInvariant(), c.Value))]);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<long> SubmitAsync(DbConnection connection, ReceiptPosting receipt, EbsReceiptOptions lockbox, string name, CancellationToken ct)
    {
        var glDate = receipt.ReceiptDate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + " 00:00:00";
        await using var command = db.Command(connection, null, lockbox.Submit,
            ("transmission_name", name), ("org_id", db.Options.OrgId), ("lockbox_number", lockbox.LockboxNumber),
            ("transmission_format", lockbox.TransmissionFormat), ("gl_date", glDate), ("user_id", db.Options.UserId),
            ("resp_id", db.Options.RespId), ("request_id", null));
        object? result;
        if (command.Parameters.Contains("request_id"))
        {
            var output = command.Parameters["request_id"];
            output.Direction = ParameterDirection.Output;
            output.DbType = DbType.Decimal;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            result = output.Value;
        }
        else
        {
            result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        }

        var text = EbsDatabase.Text(result);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (long)id
            : throw new TargetSetupException($"Entity {receipt.Entity.Code}: submitting Process Lockboxes returned no request id ('{text}'): check user_id, resp_id and submit_receipts. The rows of transmission {name} stay in the interface and are submitted on the next attempt.");
    }

    /// <summary>One look after (or instead of) submitting: posted, rejected with the rows' reasons, or still running.</summary>
    private async Task<ErpReceipt> OutcomeAsync(DbConnection connection, ReceiptPosting receipt, string name, long requestId, CancellationToken ct)
    {
        if (await FindAsync(connection, receipt, ct).ConfigureAwait(false) is { } posted)
        {
            return posted;
        }

        var errors = await EbsLockboxErrors.ReadAsync(db, connection, name, ct).ConfigureAwait(false);
        var status = await EbsRequests.StatusAsync(db, connection, requestId, ct).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new RefusedByTargetException(string.Create(CultureInfo.InvariantCulture,
                $"Lockbox rejected receipt {receipt.ReceiptNumber} (transmission {name}, request {requestId}): {string.Join("; ", errors)}. Its rows stay in AR_PAYMENTS_INTERFACE_ALL for correction in EBS."), errors);
        }

        if (!status.Done)
        {
            throw new TransientTargetException(string.Create(CultureInfo.InvariantCulture,
                $"Receipt {receipt.ReceiptNumber} was submitted to Lockbox as transmission {name} (request {requestId}), not posted yet: {status.Detail}."), TimeSpan.FromSeconds(30));
        }

        var reason = $"Lockbox finished transmission {name} (request {requestId}: {status.Detail}) without a receipt {receipt.ReceiptNumber} of {receipt.Amount.ToString(CultureInfo.InvariantCulture)} on {receipt.ReceiptDate:yyyy-MM-dd} and without rejected rows.";
        throw new RefusedByTargetException(reason, [new TargetError(reason, "CONNECTOR_LOCKBOX_NO_RECEIPT", null, name)]);
    }
}
