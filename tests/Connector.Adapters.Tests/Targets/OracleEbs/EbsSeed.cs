using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Npgsql;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>
/// Seeds the EBS setup of an entity into the PostgreSQL stand-in: its operating unit (ORG_ID), an imported batch source
/// with manual numbering, its invoice and credit memo types, the terms, the currencies, the line transaction
/// flexfield context, and its customers as accounts (ORIG_SYSTEM_REFERENCE = account number) with a bill-to site
/// (ORIG_SYSTEM_REFERENCE = bill-to site number). Inactive customers are seeded inactive ('I').
/// </summary>
internal static class EbsSeed
{
    private static int _ids = 100;

    /// <summary>Every term the sample profiles map to (mappings/*/*.yaml value_maps.terms), as set up in the sample EBS.</summary>
    public static readonly string[] Terms = ["30 NET", "45 NET", "60 NET", "45 EOM", "2/10 NET 30", "2/14 NET 30", "IMMEDIATE"];

    public static async Task SeedAsync(string connectionString, EntityDefinition entity, IEnumerable<Customer> customers, long batchSourceId)
    {
        var org = long.Parse(entity.Target.BusinessUnitId!, CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "INSERT INTO HR_OPERATING_UNITS VALUES (@p0, @p1, 1)", org, entity.Target.BusinessUnit);
        await ExecuteAsync(connection, "INSERT INTO RA_BATCH_SOURCES_ALL (BATCH_SOURCE_ID, ORG_ID, NAME, BATCH_SOURCE_TYPE, STATUS, AUTO_TRX_NUMBERING_FLAG) VALUES (@p0, @p1, @p2, 'FOREIGN', 'A', 'N')",
            batchSourceId, org, entity.Target.TransactionSource);
        await ExecuteAsync(connection, "INSERT INTO RA_CUST_TRX_TYPES_ALL VALUES (@p0, @p1, @p2, 'INV', 'A')", NextId(), org, entity.Target.TransactionType);
        await ExecuteAsync(connection, "INSERT INTO RA_CUST_TRX_TYPES_ALL VALUES (@p0, @p1, @p2, 'CM', 'A')", NextId(), org, entity.Target.CreditMemoType);
        await ExecuteAsync(connection, """
            INSERT INTO FND_DESCR_FLEX_CONTEXTS VALUES (222, 'RA_INTERFACE_LINES', @p0, 'Y') ON CONFLICT DO NOTHING;
            INSERT INTO FND_CURRENCIES VALUES ('EUR', 'Y', 2), ('USD', 'Y', 2), ('GBP', 'Y', 2), ('CHF', 'Y', 2), ('CAD', 'Y', 2) ON CONFLICT DO NOTHING;
            """, entity.Target.FlexfieldContext);
        foreach (var term in Terms.Append(entity.Target.DefaultTerms).Distinct())
        {
            await ExecuteAsync(connection, "INSERT INTO RA_TERMS (TERM_ID, NAME) SELECT @p0, @p1 WHERE NOT EXISTS (SELECT 1 FROM RA_TERMS WHERE NAME = @p1)", NextId(), term);
        }

        foreach (var customer in customers)
        {
            var status = customer.Status == CustomerStatus.Inactive ? "I" : "A";
            var account = NextId();
            var site = NextId();
            await ExecuteAsync(connection, "INSERT INTO HZ_CUST_ACCOUNTS VALUES (@p0, @p1, @p2, @p1, @p3)", account, customer.AccountNumber, customer.Name, status);
            if (customer.BillToSite is { } billTo)
            {
                await ExecuteAsync(connection, "INSERT INTO HZ_CUST_ACCT_SITES_ALL VALUES (@p0, @p1, @p2, @p3, 'A')", site, account, org, billTo.SiteNumber);
                await ExecuteAsync(connection, "INSERT INTO HZ_CUST_SITE_USES_ALL VALUES (@p0, @p1, @p2, 'BILL_TO', @p3, 'A')", NextId(), site, org, billTo.SiteNumber);
            }
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, values);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of a query as column name (upper case) to value, for column-by-column assertions.</summary>
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i).ToUpperInvariant()] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql, values);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"p{i}"), values[i]);
        }

        return command;
    }

    private static long NextId() => Interlocked.Increment(ref _ids);
}
