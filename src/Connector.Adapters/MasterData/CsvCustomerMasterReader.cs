using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using CsvHelper;

namespace Connector.Adapters.MasterData;

/// <summary>The customers read from a customer master file, and the problems of the rows left out.</summary>
internal sealed record CustomerMasterReadResult(IReadOnlyList<Customer> Customers, IReadOnlyList<Problem> Problems);

/// <summary>
/// Reads the customer master file (mappings/README.md, "Customer master file"): UTF-8, comma-separated, a header row,
/// lists separated by <c>|</c>. Columns are found by header name (trimmed, case-insensitive); only account_number and
/// name are required. A bad row (missing account number or name, unknown status, repeated account number, malformed
/// quoting, extra fields) is reported with its file, line and column, and left out; good rows are kept. Streams the
/// input; never throws for bad content.
/// </summary>
internal static class CsvCustomerMasterReader
{
    public static CustomerMasterReadResult Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var customers = new List<Customer>();
        var problems = new List<Problem>();
        var malformedLines = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record =>
            {
                malformedLines.Add(record.LineNumber);
                problems.Add(Problem.Error(
                    ProblemCodes.MalformedCsv,
                    Text($"Malformed row ({record.Reason}); it is left out."),
                    new SourceLocation(fileName, (int)record.LineNumber)));
            },
        };

        try
        {
            using var reader = CsvReader.Create(stream, options, leaveOpen: true);
            var headers = reader.Headers;
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                problems.Add(Problem.Error(ProblemCodes.EmptyFile, "The customer master file is empty.", new SourceLocation(fileName)));
                return new CustomerMasterReadResult(customers, problems);
            }

            var columns = MasterColumns.Find(reader, fileName, problems);
            if (columns is null)
            {
                return new CustomerMasterReadResult(customers, problems);
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                var customer = columns.ReadRow(reader, line, headers.Count, problems);
                if (customer is null)
                {
                    continue;
                }

                if (seen.TryGetValue(customer.AccountNumber, out var first))
                {
                    problems.Add(Problem.Error(
                        ProblemCodes.MasterDuplicateAccount,
                        Text($"Account number \"{customer.AccountNumber}\" is already on line {first}; this row is left out."),
                        new SourceLocation(fileName, line, MasterColumns.AccountNumber),
                        MasterColumns.AccountNumber,
                        customer.AccountNumber));
                    continue;
                }

                seen.Add(customer.AccountNumber, line);
                customers.Add(customer);
            }
        }
        catch (CsvFormatException ex)
        {
            var line = ex.LineNumber > 0 ? (int?)ex.LineNumber : null;
            problems.Add(Problem.Error(ProblemCodes.MalformedCsv, Text($"The file cannot be read further: {ex.Message}"), new SourceLocation(fileName, line)));
        }

        return new CustomerMasterReadResult(customers, problems);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
