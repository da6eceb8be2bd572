using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>
/// Reads a document with a mapping profile and yields its invoices lazily, never loading the whole file. Document
/// problems go to the context (check <see cref="DocumentReadContext.Failed"/> after enumerating); record problems
/// travel with each <see cref="MappedInvoice"/>. Never throws for bad content.
/// </summary>
internal static class InvoiceDocumentReader
{
    public static IEnumerable<MappedInvoice> Read(Stream stream, MappingProfile profile, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (profile.Record != ProfileRecord.Invoice)
        {
            context.Fail(Problem.Error(ProblemCodes.UnknownFormat, $"the profile '{profile.Name}' reads remittance advices (record: remittance), not invoices", context.At()));
            return [];
        }

        return profile.Format switch
        {
            ProfileFormat.Xlsx => XlsxDocumentReader.Read(stream, profile, entityCode, context),
            ProfileFormat.EInvoice => EInvoiceDocumentReader.Read(stream, profile, entityCode, context),
            ProfileFormat.Bank => NotInvoices(profile, context),
            _ => CsvDocumentReader.Read(stream, profile, entityCode, context),
        };
    }

    /// <summary>A bank profile's documents hold payments, read by the bank file reader, not invoices.</summary>
    private static IEnumerable<MappedInvoice> NotInvoices(MappingProfile profile, DocumentReadContext context)
    {
        context.Fail(Problems.Problem.Error(Problems.ProblemCodes.UnknownFormat, $"profile '{profile.Name}' is a bank profile: its files hold payments, not invoices", context.At()));
        return [];
    }
}
