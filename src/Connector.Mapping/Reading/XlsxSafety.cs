using System.Globalization;
using System.IO.Compression;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>
/// Checks a workbook's zip container before any XML is parsed: entry count, declared uncompressed sizes and
/// compression ratios against <see cref="ReaderLimits"/> (zip bombs), and that it is a zip at all.
/// </summary>
internal static class XlsxSafety
{
    /// <summary>Entries smaller than this are not held to the ratio limit: small XML parts compress very well.</summary>
    private const long RatioFloor = 1024 * 1024;

    public static bool Check(Stream stream, DocumentReadContext context)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var limits = context.Limits;
            if (zip.Entries.Count > limits.MaxXlsxEntries)
            {
                return Unsafe(context, zip.Entries[limits.MaxXlsxEntries].FullName, string.Create(CultureInfo.InvariantCulture, $"the workbook has {zip.Entries.Count} parts, more than {limits.MaxXlsxEntries}"));
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > limits.MaxXlsxUncompressedBytes || total > limits.MaxXlsxUncompressedBytes)
                {
                    return Unsafe(context, entry.FullName, string.Create(CultureInfo.InvariantCulture, $"the workbook unpacks to more than {limits.MaxXlsxUncompressedBytes} bytes (part '{entry.FullName}' declares {entry.Length})"));
                }

                if (entry.Length > RatioFloor && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    var ratio = entry.Length / Math.Max(entry.CompressedLength, 1);
                    return Unsafe(context, entry.FullName, string.Create(CultureInfo.InvariantCulture, $"part '{entry.FullName}' is compressed {ratio}:1, more than {limits.MaxCompressionRatio}:1 (a zip bomb?)"));
                }
            }
        }
        catch (InvalidDataException ex)
        {
            context.Fail(Problem.Error(ProblemCodes.WorkbookInvalid, $"the file is not an XLSX workbook (not a valid zip archive: {ex.Message})", context.At()));
            return false;
        }

        stream.Position = start;
        return true;
    }

    private static bool Unsafe(DocumentReadContext context, string entry, string message)
    {
        context.Fail(Problem.Error(ProblemCodes.WorkbookUnsafe, message + "; the workbook was not opened", context.At(), value: entry));
        return false;
    }
}
