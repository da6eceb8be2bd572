using System.Globalization;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances;

/// <summary>Reads a bank file whole, within the reader's size limit; an empty, unreadable or too large file fails the document.</summary>
internal static class BankFileBytes
{
    public static byte[]? ReadAll(Stream stream, DocumentReadContext context)
    {
        var limit = context.Limits.MaxEInvoiceBytes;
        try
        {
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    context.Fail(Problem.Error(
                        ProblemCodes.FileTooLarge,
                        $"The file is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes, the limit for a bank file; refused.",
                        context.At()));
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            if (copy.Length == 0)
            {
                context.Fail(Problem.Error(ProblemCodes.EmptyFile, "The file is empty.", context.At()));
                return null;
            }

            return copy.ToArray();
        }
        catch (IOException ex)
        {
            context.Fail(Problem.Error(ProblemCodes.ReadFailed, $"The file could not be read: {ex.Message}", context.At()));
            return null;
        }
    }
}
