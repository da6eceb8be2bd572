using System.Data.Common;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>The reasons Lockbox left on a transmission's interface rows: every STATUS other than a new record, with the record and its value.</summary>
internal static class EbsLockboxErrors
{
    private const string Sql = """
        SELECT RECORD_TYPE, STATUS, CUSTOMER_NUMBER, INVOICE1, CHECK_NUMBER FROM AR_PAYMENTS_INTERFACE_ALL
         WHERE ATTRIBUTE15 = :transmission_name AND ORG_ID = :org_id AND STATUS IS NOT NULL
           AND STATUS NOT IN ('AR_PLB_NEW_RECORD', 'AR_PLB_NEW_RECORD_INF')
         ORDER BY RECORD_TYPE
        """;

    public static async Task<IReadOnlyList<TargetError>> ReadAsync(EbsDatabase db, DbConnection connection, string name, CancellationToken ct)
    {
        await using var command = db.Command(connection, null, Sql, ("transmission_name", name), ("org_id", db.Options.OrgId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var errors = new List<TargetError>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var type = EbsDatabase.Text(reader.GetValue(0));
            var status = EbsDatabase.Text(reader.GetValue(1));
            var value = status.Contains("CUST", StringComparison.Ordinal) ? EbsDatabase.Text(reader.GetValue(2))
                : status.Contains("DUP", StringComparison.Ordinal) ? EbsDatabase.Text(reader.GetValue(4))
                : EbsDatabase.Text(reader.GetValue(3));
            var error = new TargetError($"Lockbox marked record type {type} {status}.", status, null, value.Length == 0 ? null : value);
            if (!errors.Contains(error))
            {
                errors.Add(error);
            }
        }

        return errors;
    }
}
