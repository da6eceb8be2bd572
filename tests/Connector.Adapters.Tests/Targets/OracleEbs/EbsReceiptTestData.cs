using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Lockbox setup, open transactions with payment schedules, and receipts for the FR01 entity on the stand-in.</summary>
internal static class EbsReceiptTestData
{
    public const string Lockbox = "LB-FR01";
    public const string SubmitReceipts = "SELECT FND_REQUEST_SUBMIT_ARLPLB(:transmission_name, :org_id, :lockbox_number, :gl_date, :user_id)";
    public static readonly DateOnly Date = new(2026, 4, 10);
    private static int _ids = 70_000;

    public static Dictionary<string, string> Options(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["lockbox_number"] = Lockbox,
            ["submit_receipts"] = SubmitReceipts,
            ["destination_account"] = "300060000112345678901",
            ["origination"] = "30006",
        };
        foreach (var (key, value) in extra)
        {
            options[key] = value;
        }

        return options;
    }

    public static async Task SeedLockboxAsync(string db) =>
        await EbsSeed.ExecuteAsync(db, "INSERT INTO AR_LOCKBOXES_ALL VALUES (1, @p0, 204, 'A')", Lockbox);

    /// <summary>A complete transaction with one payment schedule (class INV, or CM for a negative amount), open for its whole amount.</summary>
    public static async Task OpenAsync(string db, string number, string account, decimal amount, string terms = "30 NET", string currency = "EUR")
    {
        var id = Interlocked.Increment(ref _ids);
        await EbsSeed.ExecuteAsync(db, """
            INSERT INTO RA_CUSTOMER_TRX_ALL (CUSTOMER_TRX_ID, TRX_NUMBER, CUST_TRX_TYPE_ID, TRX_DATE, BATCH_SOURCE_ID, BILL_TO_CUSTOMER_ID,
              BILL_TO_SITE_USE_ID, TERM_ID, INVOICE_CURRENCY_CODE, PURCHASE_ORDER, COMPLETE_FLAG, CREATED_BY, CREATION_DATE, LAST_UPDATED_BY, LAST_UPDATE_DATE, ORG_ID)
            SELECT @p0, @p1, 1, DATE '2026-03-17', 1001, A.CUST_ACCOUNT_ID, 1, (SELECT TERM_ID FROM RA_TERMS WHERE NAME = @p3), @p5, 'PO-' || @p1, 'Y',
                   1318, localtimestamp(0), 1318, localtimestamp(0), 204
              FROM HZ_CUST_ACCOUNTS A WHERE A.ACCOUNT_NUMBER = @p2;
            INSERT INTO AR_PAYMENT_SCHEDULES_ALL (PAYMENT_SCHEDULE_ID, CUSTOMER_TRX_ID, CUSTOMER_ID, CLASS, TRX_NUMBER, TRX_DATE, DUE_DATE,
              INVOICE_CURRENCY_CODE, AMOUNT_DUE_ORIGINAL, AMOUNT_DUE_REMAINING, TERMS_SEQUENCE_NUMBER, STATUS, ORG_ID)
            SELECT @p0 + 100000, @p0, A.CUST_ACCOUNT_ID, CASE WHEN @p4 < 0 THEN 'CM' ELSE 'INV' END, @p1, DATE '2026-03-17', DATE '2026-04-16',
                   @p5, @p4, @p4, 1, 'OP', 204
              FROM HZ_CUST_ACCOUNTS A WHERE A.ACCOUNT_NUMBER = @p2;
            """, id, number, account, terms, amount, currency);
    }

    public static ReceiptPosting Receipt(EntityDefinition entity, string? account, decimal amount, params ReceiptApplication[] applications)
    {
        var number = "CHQ" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var key = string.Create(CultureInfo.InvariantCulture, $"FR01|RCPT|LB-FR01|{number}|20260410|{amount:0.00}|EUR|{account ?? "-"}|1");
        return new ReceiptPosting(entity, key, number, Date, amount, "EUR", account, PaymentMethod.Cheque, null, "Payer", applications, null);
    }

    public static ReceiptApplication Apply(string invoice, decimal amount) => new(invoice, null, null, amount, 0m, 0m, null);

    public static IReceiptTarget Target(EntityDefinition entity, string db) => (IReceiptTarget)EbsTestData.Target(entity, db);
}
