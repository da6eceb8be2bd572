using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Advice;

/// <summary>
/// Reads a CSV or XLSX remittance advice (one row per invoice paid, the payment's columns repeated) with a profile of
/// <c>record: remittance</c>, through the same row readers and field evaluation as invoices, and yields its payments
/// lazily. Document problems go to the context (check <see cref="DocumentReadContext.Failed"/> after enumerating);
/// payment problems travel with each <see cref="MappedRemittance"/>. Never throws for bad content.
/// </summary>
internal static class RemittanceDocumentReader
{
    public static IEnumerable<MappedRemittance> Read(Stream stream, MappingProfile profile, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (profile.Record != ProfileRecord.Remittance || profile.Format is not (ProfileFormat.Csv or ProfileFormat.Xlsx))
        {
            context.Fail(Problem.Error(ProblemCodes.UnknownFormat, $"the profile '{profile.Name}' does not read remittance advices (it needs format: csv or xlsx and record: remittance)", context.At()));
            return [];
        }

        return profile.Format == ProfileFormat.Xlsx
            ? XlsxDocumentReader.Read(stream, profile, context, (resolved, sheet) => new RowGroupAssembler<MappedRemittance, RemittanceBuilder>(resolved, RowGroupKind.Remittance, context, sheet, (eval, number, _, source) => new RemittanceBuilder(resolved, eval, entityCode, number, source)))
            : CsvDocumentReader.Read(stream, profile, context, (resolved, sheet) => new RowGroupAssembler<MappedRemittance, RemittanceBuilder>(resolved, RowGroupKind.Remittance, context, sheet, (eval, number, _, source) => new RemittanceBuilder(resolved, eval, entityCode, number, source)));
    }
}
