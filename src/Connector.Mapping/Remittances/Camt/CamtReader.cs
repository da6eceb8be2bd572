using System.Xml;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>
/// Reads an ISO 20022 camt.052 (account report), camt.053 (statement) or camt.054 (debit/credit notification), any
/// version, into remittances. The XML is loaded safely (no DTD, size and depth limits). The whole file is checked
/// before anything comes out: a batch, summary or balance that does not add up fails the file, naming the element.
/// </summary>
internal static class CamtReader
{
    /// <summary>Whether the start of a file is a camt.052 / 053 / 054 document (root Document in a camt namespace).</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        try
        {
            using var stream = new MemoryStream(head.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, SecureXml.Settings(0));
            return reader.MoveToContent() == XmlNodeType.Element
                   && reader.LocalName == "Document"
                   && CamtParser.MessageName(reader.NamespaceURI) is not null;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// The remittances of the whole file, or none when it fails (then <see cref="DocumentReadContext.Failed"/> is set
    /// and its problems say why). File-level warnings go to the context; record problems travel with each record.
    /// </summary>
    public static IReadOnlyList<MappedRemittance> Read(Stream stream, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.DocumentName;
        var content = BankFileBytes.ReadAll(stream, context);
        if (content is null)
        {
            return [];
        }

        var limits = new EInvoiceReadLimits(context.Limits.MaxEInvoiceBytes, 64, context.Limits.MaxEInvoiceBytes);
        var loadProblems = new List<Problem>();
        var document = SecureXml.Load(content, name, limits, loadProblems);
        if (document?.Root is not { } root)
        {
            loadProblems.ForEach(context.Fail);
            return [];
        }

        var values = new CamtValues(name);
        if (CamtParser.MessageName(root.Name.NamespaceName) is null || root.Name.LocalName != "Document")
        {
            context.Fail(Problem.Error(
                ProblemCodes.CamtNotStatement,
                $"The XML is {XmlRoots.Describe(root.Name.LocalName, root.Name.NamespaceName)}; a camt.052, camt.053 or camt.054 Document was expected.",
                values.At(root),
                "root",
                root.Name.LocalName));
            return [];
        }

        var fileProblems = new List<Problem>();
        var message = CamtParser.Parse(root, values, fileProblems);
        if (message.Statements.Count == 0)
        {
            var container = root.Elements().FirstOrDefault() ?? root;
            context.Fail(Problem.Error(
                ProblemCodes.CamtNotStatement,
                $"The {message.MessageName} message {message.MessageId} holds no statement, report or notification (Stmt, Rpt, Ntfctn): there is nothing to import and the file is refused.",
                values.At(container),
                container.Name.LocalName));
            return [];
        }

        fileProblems.AddRange(CamtChecks.Check(message, name));
        if (fileProblems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            fileProblems.ForEach(p => (p.Severity == ProblemSeverity.Error ? (Action<Problem>)context.Fail : context.Report)(p));
            return [];
        }

        foreach (var partial in message.Statements.Where(s => s.Page is not null && (s.Summary is not null || s.Balances.Any(b => b.Type is "OPBD" or "CLBD"))))
        {
            fileProblems.Add(Problem.Warning(
                ProblemCodes.CamtPartialStatement,
                $"{partial.Element} {partial.Id} is {partial.Page} of a statement split over several messages: its balances and summary cover all pages and were not checked against this page's entries.",
                new SourceLocation(name, partial.Spot.Line, partial.Spot.Path)));
        }

        var remittances = CamtRemittances.Build(message, entityCode, name, fileProblems);
        fileProblems.ForEach(context.Report);
        context.RowsRead += remittances.Count;
        return remittances;
    }
}
