using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>What an entity needs in EBS: the operating unit, a manual-numbering imported batch source, the two
/// transaction types, the default terms and an enabled line transaction flexfield context. Each check is one item.</summary>
internal static class EbsSetupCheck
{
    public static async Task<IReadOnlyList<TargetCheck>> RunAsync(EbsDatabase db, EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var checks = new List<TargetCheck>();
        DbConnection connection;
        try
        {
            connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TargetException e)
        {
            return [new TargetCheck("connection", false, e.Message)];
        }

        await using (connection.ConfigureAwait(false))
        {
            checks.Add(new TargetCheck("connection", true, $"connected through {db.Options.Provider}"));
            var target = entity.Target;
            var org = db.Options.OrgId;
            var orgText = org.ToString(CultureInfo.InvariantCulture);
            checks.Add(await CheckAsync(db, connection, "operating unit",
                "SELECT NAME FROM HR_OPERATING_UNITS WHERE ORGANIZATION_ID = :org_id", [("org_id", org)],
                found => found is null ? $"ORG_ID {orgText} is not an operating unit (HR_OPERATING_UNITS)" : null,
                found => $"ORG_ID {orgText} is {found}", cancellationToken).ConfigureAwait(false));
            checks.Add(await CheckAsync(db, connection, "batch source",
                "SELECT BATCH_SOURCE_TYPE || ' ' || STATUS || ' ' || AUTO_TRX_NUMBERING_FLAG FROM RA_BATCH_SOURCES_ALL WHERE NAME = :name AND ORG_ID = :org_id",
                [("name", target.TransactionSource), ("org_id", org)],
                found => found is null ? $"'{target.TransactionSource}' is not in RA_BATCH_SOURCES_ALL for ORG_ID {orgText}"
                    : found != "FOREIGN A N" ? $"'{target.TransactionSource}' must be an imported source (FOREIGN), active (A), with manual numbering (N); it is {found}"
                    : null,
                _ => $"'{target.TransactionSource}' is an active imported source with manual numbering", cancellationToken).ConfigureAwait(false));
            foreach (var (name, type) in new[] { (target.TransactionType, "INV"), (target.CreditMemoType, "CM") })
            {
                checks.Add(await CheckAsync(db, connection, $"transaction type {type}",
                    "SELECT TYPE || ' ' || STATUS FROM RA_CUST_TRX_TYPES_ALL WHERE NAME = :name AND ORG_ID = :org_id", [("name", name), ("org_id", org)],
                    found => found is null ? $"'{name}' is not in RA_CUST_TRX_TYPES_ALL for ORG_ID {orgText}"
                        : found != type + " A" ? $"'{name}' must be of type {type} and active (A); it is {found}" : null,
                    _ => $"'{name}' is an active {type} type", cancellationToken).ConfigureAwait(false));
            }

            checks.Add(await CheckAsync(db, connection, "payment terms",
                "SELECT NAME FROM RA_TERMS WHERE NAME = :name", [("name", target.DefaultTerms)],
                found => found is null ? $"the default terms '{target.DefaultTerms}' are not in RA_TERMS" : null,
                _ => $"'{target.DefaultTerms}' exists", cancellationToken).ConfigureAwait(false));
            checks.Add(await CheckAsync(db, connection, "transaction flexfield",
                "SELECT ENABLED_FLAG FROM FND_DESCR_FLEX_CONTEXTS WHERE APPLICATION_ID = 222 AND DESCRIPTIVE_FLEXFIELD_NAME = 'RA_INTERFACE_LINES' AND DESCRIPTIVE_FLEX_CONTEXT_CODE = :context",
                [("context", target.FlexfieldContext)],
                found => found is null ? $"the line transaction flexfield has no context '{target.FlexfieldContext}': define it with segments INTERFACE_LINE_ATTRIBUTE1-4 (entity, INV/CM, number, line)"
                    : found != "Y" ? $"the line transaction flexfield context '{target.FlexfieldContext}' is disabled" : null,
                _ => $"context '{target.FlexfieldContext}' is enabled", cancellationToken).ConfigureAwait(false));
        }

        return checks;
    }

    private static async Task<TargetCheck> CheckAsync(EbsDatabase db, DbConnection connection, string item, string sql, (string, object?)[] parameters,
        Func<string?, string?> problem, Func<string?, string> fine, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = db.Command(connection, null, sql, parameters);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            var found = value is null or DBNull ? null : EbsDatabase.Text(value);
            return problem(found) is { } missing ? new TargetCheck(item, false, missing) : new TargetCheck(item, true, fine(found));
        }
        catch (DbException e)
        {
            return new TargetCheck(item, false, $"the query failed: {e.Message}");
        }
    }
}
