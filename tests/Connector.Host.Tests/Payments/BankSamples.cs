using System.Globalization;
using System.Xml.Linq;
using Connector.Host.Tests.Pipeline;

namespace Connector.Host.Tests.Payments;

/// <summary>The FR01 camt.054 sample (mappings/fr-dupont/samples/bank) and statements made from it.</summary>
internal static class BankSamples
{
    public const string Camt054Name = "FR01_camt054_20261120.xml";

    private static readonly XNamespace Camt = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    public static string Camt054Path => Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples", "bank", Camt054Name);

    public static byte[] Camt054 => File.ReadAllBytes(Camt054Path);

    /// <summary>
    /// A notification that repeats the sample's entries with these end-to-end ids and adds one new credit of
    /// <paramref name="amount"/> from an unknown payer with the free text <paramref name="text"/>.
    /// </summary>
    public static byte[] Overlapping(IReadOnlyCollection<string> repeated, string newEndToEndId, decimal amount, string text)
    {
        var doc = XDocument.Load(Camt054Path);
        var entries = doc.Descendants(Camt + "Ntry").ToList();
        var template = new XElement(entries[0]);
        var notification = entries[0].Parent!;
        foreach (var entry in entries.Where(e => !repeated.Contains(EndToEndId(e))))
        {
            entry.Remove();
        }

        var amountText = amount.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var amt in template.Descendants(Camt + "Amt"))
        {
            amt.Value = amountText;
        }

        template.Element(Camt + "NtryRef")!.Value = "9";
        foreach (var reference in template.Descendants(Camt + "AcctSvcrRef"))
        {
            reference.Value = "BNPP202611210009";
        }

        template.Descendants(Camt + "EndToEndId").Single().Value = newEndToEndId;
        template.Descendants(Camt + "Dbtr").Single().Descendants(Camt + "Nm").Single().Value = "SOCIETE NOUVELLE DU RHONE";
        template.Descendants(Camt + "DbtrAcct").Single().Descendants(Camt + "IBAN").Single().Value = "FR7612739000705234567890177";
        template.Descendants(Camt + "RmtInf").Single().ReplaceNodes(new XElement(Camt + "Ustrd", text));
        notification.Add(template);
        doc.Descendants(Camt + "MsgId").Single().Value = "BNPP-FR01-20261121-01";

        using var output = new MemoryStream();
        doc.Save(output);
        return output.ToArray();
    }

    private static string EndToEndId(XElement entry) => entry.Descendants(Camt + "EndToEndId").FirstOrDefault()?.Value ?? entry.Descendants(Camt + "AcctSvcrRef").First().Value;
}
