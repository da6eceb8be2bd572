using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>An invoice taken out of a document, with the record-level mapping problems found while building it.</summary>
internal sealed record MappedInvoice(Invoice Invoice, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
