using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>
/// The profile key <c>record</c>: <c>invoice</c> (the default) or <c>remittance</c> (a CSV or XLSX remittance
/// advice, one row per invoice paid). It chooses the canonical fields the profile may map.
/// </summary>
internal static class ProfileRecords
{
    public static ProfileRecord Parse(YamlDoc doc, Dictionary<string, YamlNode> e, ProfileFormat? format)
    {
        var text = doc.String(e, string.Empty, "record");
        ProfileRecord? record = text switch
        {
            null or "invoice" => ProfileRecord.Invoice,
            "remittance" => ProfileRecord.Remittance,
            _ => null,
        };
        if (record is null)
        {
            doc.Error("record", $"'{text}' is not a record: invoice or remittance", e["record"]);
            return ProfileRecord.Invoice;
        }

        if (record == ProfileRecord.Remittance && format == ProfileFormat.EInvoice)
        {
            doc.Error("record", "remittance advices are read from csv and xlsx profiles, not einvoice", e["record"]);
            return ProfileRecord.Invoice;
        }

        if (record == ProfileRecord.Remittance && e.TryGetValue("credit_notes", out var credit) && !YamlDoc.IsNull(credit))
        {
            doc.Error("credit_notes", "is for invoice profiles: in a remittance profile, map reference_kind to credit_note for the credit notes a payer offsets", credit);
        }

        return record.Value;
    }

    /// <summary>
    /// <c>advice_only</c> of a remittance profile: true (the default) when the file only says what a payment pays and
    /// the money arrives as a bank credit it is matched to; false when the file is itself the record of the payments
    /// received (e.g. a lockbox provider's list of deposited cheques).
    /// </summary>
    public static bool AdviceOnly(YamlDoc doc, Dictionary<string, YamlNode> e, ProfileRecord record)
    {
        var value = doc.Bool(e, string.Empty, "advice_only");
        if (value is not null && record != ProfileRecord.Remittance)
        {
            doc.Error("advice_only", "is for remittance profiles (record: remittance)", e["advice_only"]);
        }

        return value ?? true;
    }

    /// <summary>A remittance profile must say what is paid: per line (amount_paid), or per payment (payment_amount), or both.</summary>
    public static void CheckFields(YamlDoc doc, ProfileRecord record, IReadOnlyDictionary<CanonicalField, FieldSpec> fields, Dictionary<string, YamlNode> e)
    {
        if (record == ProfileRecord.Remittance && e.TryGetValue("fields", out var node) && node is YamlMappingNode
            && !fields.ContainsKey(CanonicalField.AmountPaid) && !fields.ContainsKey(CanonicalField.PaymentAmount))
        {
            doc.Error("fields", "a remittance profile maps amount_paid (what each line pays), payment_amount (the payment's total), or both", node);
        }
    }
}
