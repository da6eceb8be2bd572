using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// The receipt and open-item options of an <c>oracle-ebs</c> entity (contract 1.1), read when receipts or open items are
/// asked for, so that an invoice-only entity needs none of them.
/// </summary>
internal sealed record EbsReceiptOptions
{
    /// <summary>
    /// Process Lockboxes (ARLPLB) for rows already in AR_PAYMENTS_INTERFACE_ALL, with the arguments of reference 5.4:
    /// new transmission, its name, no import (the rows are there), validation on, the lockbox, the GL date, post. To be
    /// checked against the EBS release's ARLPLB argument list. Parameters are written with <c>:</c>.
    /// </summary>
    public const string DefaultSubmit = """
        DECLARE
          l_format NUMBER;
          l_lockbox NUMBER;
        BEGIN
          fnd_global.apps_initialize(:user_id, :resp_id, 222);
          mo_global.set_policy_context('S', :org_id);
          fnd_request.set_org_id(:org_id);
          SELECT transmission_format_id INTO l_format FROM ar_transmission_formats WHERE format_name = :transmission_format;
          SELECT lockbox_id INTO l_lockbox FROM ar_lockboxes_all WHERE lockbox_number = :lockbox_number AND org_id = :org_id;
          :request_id := fnd_request.submit_request('AR', 'ARLPLB', NULL, NULL, FALSE,
            'Y', NULL, NULL, :transmission_name, 'N', NULL, NULL, l_format, 'Y', 'N', l_lockbox, :gl_date, 'A', 'N', 'Y',
            'N', 'N', NULL, :org_id, 'N', 1, 'L', NULL);
          COMMIT;
        END;
        """;

    /// <summary>
    /// Open items: the payment schedules of the operating unit with an amount due remaining, with the transaction, its
    /// customer account and terms. A replacement must return these column names (any order).
    /// </summary>
    public const string DefaultOpenItems = """
        SELECT T.TRX_NUMBER, PS.CLASS, A.ACCOUNT_NUMBER, A.ACCOUNT_NAME, PS.INVOICE_CURRENCY_CODE, T.TRX_DATE, PS.DUE_DATE,
               PS.AMOUNT_DUE_ORIGINAL, PS.AMOUNT_DUE_REMAINING, RT.NAME AS TERMS, T.PURCHASE_ORDER, T.CUSTOMER_TRX_ID,
               PS.PAYMENT_SCHEDULE_ID
          FROM AR_PAYMENT_SCHEDULES_ALL PS
          JOIN RA_CUSTOMER_TRX_ALL T ON T.CUSTOMER_TRX_ID = PS.CUSTOMER_TRX_ID
          JOIN HZ_CUST_ACCOUNTS A ON A.CUST_ACCOUNT_ID = PS.CUSTOMER_ID
          LEFT JOIN RA_TERMS RT ON RT.TERM_ID = T.TERM_ID
         WHERE PS.ORG_ID = :org_id AND PS.AMOUNT_DUE_REMAINING <> 0 AND PS.CLASS IN ('INV', 'CM', 'DM')
         ORDER BY T.TRX_NUMBER, PS.DUE_DATE
        """;

    public static readonly IReadOnlyList<string> Names =
        ["lockbox_number", "transmission_format", "submit_receipts", "open_items_query", "destination_account", "origination"];

    public required string LockboxNumber { get; init; }

    public required string TransmissionFormat { get; init; }

    public required string Submit { get; init; }

    public string? DestinationAccount { get; init; }

    public string? Origination { get; init; }

    public static EbsReceiptOptions ForReceipts(EntityDefinition entity)
    {
        string? Get(string name) => Option(entity, name);
        return new EbsReceiptOptions
        {
            LockboxNumber = Get("lockbox_number") ?? throw new TargetSetupException(
                $"Entity {entity.Code}: target.options.lockbox_number is required to post receipts (the AutoLockbox lockbox, AR_LOCKBOXES_ALL.LOCKBOX_NUMBER)."),
            TransmissionFormat = Get("transmission_format") ?? "Default",
            Submit = Get("submit_receipts") ?? DefaultSubmit,
            DestinationAccount = Get("destination_account"),
            Origination = Get("origination"),
        };
    }

    public static string OpenItemsQuery(EntityDefinition entity) => Option(entity, "open_items_query") ?? DefaultOpenItems;

    private static string? Option(EntityDefinition entity, string name)
        => entity.Target.Options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
