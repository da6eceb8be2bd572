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
