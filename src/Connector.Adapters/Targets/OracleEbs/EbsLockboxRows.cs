using System.Security.Cryptography;
using System.Text;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// A receipt as one AutoLockbox transmission in AR_PAYMENTS_INTERFACE_ALL (reference 5.4): transmission header (1),
/// batch header (5), the receipt (6) with up to 8 invoice/amount pairs, overflow records (4) with 8 more each, batch
/// trailer (7), lockbox trailer (8) and transmission trailer (9) with their record counts and amounts. Every row carries
/// the transmission name in ATTRIBUTE15 (the receipt's DFF, so the posted receipt carries it too); the name is derived
/// from the receipt's key, so the same receipt always makes the same transmission.
/// </summary>
internal static class EbsLockboxRows
{
    public const int PairsPerRecord = 8;
    public const string KeyColumn = "ATTRIBUTE15";
    public const string BatchName = "1";

    public static readonly string[] Columns =
    [
        "RECORD_TYPE", "STATUS", "ORG_ID", KeyColumn, "LOCKBOX_NUMBER", "DEPOSIT_DATE", "DESTINATION_ACCOUNT", "ORIGINATION",
        "BATCH_NAME", "ITEM_NUMBER", "REMITTANCE_AMOUNT", "CHECK_NUMBER", "CUSTOMER_NUMBER", "CURRENCY_CODE", "RECEIPT_DATE",
        "COMMENTS", "OVERFLOW_SEQUENCE", "OVERFLOW_INDICATOR",
        "INVOICE1", "AMOUNT_APPLIED1", "INVOICE2", "AMOUNT_APPLIED2", "INVOICE3", "AMOUNT_APPLIED3", "INVOICE4", "AMOUNT_APPLIED4",
        "INVOICE5", "AMOUNT_APPLIED5", "INVOICE6", "AMOUNT_APPLIED6", "INVOICE7", "AMOUNT_APPLIED7", "INVOICE8", "AMOUNT_APPLIED8",
        "BATCH_RECORD_COUNT", "BATCH_AMOUNT", "LOCKBOX_RECORD_COUNT", "LOCKBOX_AMOUNT", "TRANSMISSION_RECORD_COUNT", "TRANSMISSION_AMOUNT",
        "CREATED_BY", "CREATION_DATE", "LAST_UPDATED_BY", "LAST_UPDATE_DATE",
    ];

    /// <summary><c>CNX</c> and 20 hexadecimal digits of the key's SHA-256: unique per receipt, the same on every attempt.</summary>
    public static string TransmissionName(string idempotencyKey) =>
        "CNX" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..20];

    public static IReadOnlyList<Dictionary<string, object?>> Build(ReceiptPosting receipt, EbsReceiptOptions lockbox, long orgId, long userId, DateTime now)
    {
        var name = TransmissionName(receipt.IdempotencyKey);
        var deposit = receipt.ReceiptDate.ToDateTime(TimeOnly.MinValue);
        Dictionary<string, object?> Row(string type)
        {
            var row = Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal);
            row["RECORD_TYPE"] = type;
            row["STATUS"] = "AR_PLB_NEW_RECORD";
            row["ORG_ID"] = orgId;
            row[KeyColumn] = name;
            row["CREATED_BY"] = userId;
            row["CREATION_DATE"] = now;
            row["LAST_UPDATED_BY"] = userId;
            row["LAST_UPDATE_DATE"] = now;
            return row;
        }

        var rows = new List<Dictionary<string, object?>>();
        var header = Row("1");
        header["DESTINATION_ACCOUNT"] = lockbox.DestinationAccount;
        header["ORIGINATION"] = lockbox.Origination;
        header["DEPOSIT_DATE"] = deposit;
        rows.Add(header);
        var batch = Row("5");
        batch["BATCH_NAME"] = BatchName;
        batch["LOCKBOX_NUMBER"] = lockbox.LockboxNumber;
        batch["DEPOSIT_DATE"] = deposit;
        batch["DESTINATION_ACCOUNT"] = lockbox.DestinationAccount;
        batch["ORIGINATION"] = lockbox.Origination;
        rows.Add(batch);

        var pairs = receipt.Applications.Chunk(PairsPerRecord).ToList();
        var payment = Row("6");
        payment["BATCH_NAME"] = BatchName;
        payment["ITEM_NUMBER"] = 1;
        payment["REMITTANCE_AMOUNT"] = receipt.Amount;
        payment["CHECK_NUMBER"] = receipt.ReceiptNumber;
        payment["CUSTOMER_NUMBER"] = receipt.CustomerAccount;
        payment["CURRENCY_CODE"] = receipt.Currency;
        payment["RECEIPT_DATE"] = deposit;
        payment["COMMENTS"] = Cut(receipt.Comments ?? receipt.IdempotencyKey, 240);
        Pairs(payment, pairs.Count > 0 ? pairs[0] : []);
        rows.Add(payment);
        for (var i = 1; i < pairs.Count; i++)
        {
            var overflow = Row("4");
            overflow["BATCH_NAME"] = BatchName;
            overflow["ITEM_NUMBER"] = 1;
            overflow["OVERFLOW_SEQUENCE"] = i;
            overflow["OVERFLOW_INDICATOR"] = i == pairs.Count - 1 ? "9" : "0";
            Pairs(overflow, pairs[i]);
            rows.Add(overflow);
        }

        var batchTrailer = Row("7");
        batchTrailer["BATCH_NAME"] = BatchName;
        batchTrailer["LOCKBOX_NUMBER"] = lockbox.LockboxNumber;
        batchTrailer["DEPOSIT_DATE"] = deposit;
        batchTrailer["BATCH_RECORD_COUNT"] = 1;
        batchTrailer["BATCH_AMOUNT"] = receipt.Amount;
        rows.Add(batchTrailer);
        var lockboxTrailer = Row("8");
        lockboxTrailer["LOCKBOX_NUMBER"] = lockbox.LockboxNumber;
        lockboxTrailer["DEPOSIT_DATE"] = deposit;
        lockboxTrailer["LOCKBOX_RECORD_COUNT"] = 1;
        lockboxTrailer["LOCKBOX_AMOUNT"] = receipt.Amount;
        rows.Add(lockboxTrailer);
        var trailer = Row("9");
        trailer["TRANSMISSION_RECORD_COUNT"] = rows.Count + 1;
        trailer["TRANSMISSION_AMOUNT"] = receipt.Amount;
        rows.Add(trailer);
        return rows;
    }

    private static void Pairs(Dictionary<string, object?> row, IReadOnlyList<ReceiptApplication> applications)
    {
        for (var i = 0; i < applications.Count; i++)
        {
            row["INVOICE" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = applications[i].InvoiceNumber;
            row["AMOUNT_APPLIED" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = applications[i].AmountApplied;
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
