using System.Data;
using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>The phase of an AutoInvoice request (and its children): finished or not, in error or not, as EBS says it.</summary>
/// <param name="Found">False when FND_CONCURRENT_REQUESTS has no row for it (not committed yet, or purged).</param>
/// <param name="Done">Every row (the request and its children) is in phase C.</param>
/// <param name="Failed">A row ended with status E (error), X (terminated) or D (cancelled).</param>
/// <param name="Detail">Phase, status and completion text, for the log and the operator.</param>
internal sealed record EbsRequestStatus(bool Found, bool Done, bool Failed, string Detail);

/// <summary>Submits RAXMTR through the configured statement and reads a request's phase and status.</summary>
internal static class EbsRequests
{
    public static async Task<long> SubmitAsync(EbsDatabase db, DbConnection connection, EntityDefinition entity, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            var batchSourceId = db.Options.BatchSourceId ?? await BatchSourceIdAsync(db, connection, entity, cancellationToken).ConfigureAwait(false);
            var defaultDate = clock.GetUtcNow().UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            await using var command = db.Command(connection, null, db.Options.Submit,
                ("org_id", db.Options.OrgId), ("batch_source_id", batchSourceId), ("batch_source_name", entity.Target.TransactionSource),
                ("default_date", defaultDate), ("user_id", db.Options.UserId), ("resp_id", db.Options.RespId), ("request_id", null));
            object? result;
            if (command.Parameters.Contains("request_id"))
            {
                var output = command.Parameters["request_id"];
                output.Direction = ParameterDirection.Output;
                output.DbType = DbType.Decimal;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                result = output.Value;
            }
            else
            {
                result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            var id = EbsDatabase.Long(result is null ? null : EbsDatabase.Text(result) is { Length: > 0 } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null);
            return id is > 0 ? id.Value : throw new TargetSetupException(
                $"Entity {entity.Code}: submitting AutoInvoice (RAXMTR) returned no request id ('{EbsDatabase.Text(result)}'): check user_id, resp_id and the submit statement. The lines stay in the interface and are submitted again at confirmation.");
        }
        catch (DbException e)
        {
            throw db.Classify("submitting AutoInvoice (RAXMTR)", e);
        }
    }

    private static async Task<long> BatchSourceIdAsync(EbsDatabase db, DbConnection connection, EntityDefinition entity, CancellationToken cancellationToken)
    {
        await using var command = db.Command(connection, null, "SELECT BATCH_SOURCE_ID FROM RA_BATCH_SOURCES_ALL WHERE NAME = :name AND ORG_ID = :org_id",
            ("name", entity.Target.TransactionSource), ("org_id", db.Options.OrgId));
        return EbsDatabase.Long(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))
            ?? throw new TargetSetupException(string.Create(CultureInfo.InvariantCulture,
                $"Entity {entity.Code}: the batch source '{entity.Target.TransactionSource}' does not exist in RA_BATCH_SOURCES_ALL for ORG_ID {db.Options.OrgId}."));
    }

    public static async Task<EbsRequestStatus> StatusAsync(EbsDatabase db, DbConnection connection, long requestId, CancellationToken cancellationToken)
    {
        await using var command = db.Command(connection, null, db.Options.RequestStatus, ("request_id", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var phases = new List<(string Phase, string Status, string Text)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            phases.Add((EbsDatabase.Text(reader.GetValue(0)), EbsDatabase.Text(reader.GetValue(1)), reader.FieldCount > 2 ? EbsDatabase.Text(reader.GetValue(2)) : string.Empty));
        }

        if (phases.Count == 0)
        {
            return new EbsRequestStatus(false, false, false, string.Create(CultureInfo.InvariantCulture, $"request {requestId} is not in FND_CONCURRENT_REQUESTS yet"));
        }

        var detail = string.Join("; ", phases.Select(p => $"phase {p.Phase} status {p.Status}" + (p.Text.Length > 0 ? ": " + p.Text : string.Empty)));
        return new EbsRequestStatus(true, phases.All(p => p.Phase == "C"), phases.Any(p => p.Status is "E" or "X" or "D"), detail);
    }
}
