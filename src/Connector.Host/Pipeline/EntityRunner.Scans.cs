using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Ocr;
using Connector.Host.Store;
using Connector.Mapping.Profiles;
using Connector.Mapping.Remittances;

namespace Connector.Host.Pipeline;

internal sealed partial class EntityRunner
{
    /// <summary>
    /// The scans of one profile taken in this run are read together (a stub may be a file of its own beside its
    /// cheque's): every document of the work list with that profile not yet read, in the list's order.
    /// </summary>
    private async Task ProcessScansAsync(EntityRuntime entity, IInvoiceTarget target, RemittanceProcessor payments, List<(DocumentInfo Document, MappingProfile Profile)> work, MappingProfile profile, HashSet<long> scanned, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var batch = work.Where(w => w.Profile == profile && !scanned.Contains(w.Document.Id)).Select(w => w.Document).ToList();
        scanned.UnionWith(batch.Select(d => d.Id));
        observer?.DocumentStarted(string.Create(CultureInfo.InvariantCulture, $"{batch.Count} scan(s) of {profile.Name}"), batch.Sum(d => d.Size));
        var outcomes = await payments.ProcessScansAsync(entity, target, batch, profile, observer, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            Finished(batch[i], outcomes[i], observer);
        }
    }

    /// <summary>Whether a scan can be read here: the OCR engine with the profile's languages, and pdftoppm for a PDF.</summary>
    private static bool CanReadScan(MappingProfile profile, string path, out string why)
    {
        if (!OcrRuntime.CanRead(profile.Scan.Language, out var ocr))
        {
            why = ocr ?? "the OCR engine cannot start";
            return false;
        }

        if (IsPdf(path) && !EntityRuntime.CanReadPdfs(out var pdf))
        {
            why = $"it is a PDF and poppler-utils is missing ({pdf})";
            return false;
        }

        why = string.Empty;
        return true;
    }

    /// <summary>A bank or remittance file by its first bytes (BAI2, lockbox, camt, X12 820, CFONB 120), whatever its name.</summary>
    internal static bool IsBankFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return BankFileReader.Detect(stream) != BankFileFormat.Unknown;
    }

    /// <summary>An image, a TIFF or an X9.37 image cash letter by its first bytes, whatever its name (a PDF may be an e-invoice: it goes by its name).</summary>
    internal static bool IsScanImage(string path)
    {
        Span<byte> head = stackalloc byte[1024];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return ScanDocumentReader.Detect(head[..read]) is "image" or "tiff" or "x9.37";
    }

    /// <summary>A PDF by its first bytes (within the first kilobyte, as PDF readers allow), whatever its name.</summary>
    private static bool IsPdf(string path)
    {
        Span<byte> head = stackalloc byte[1024];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].IndexOf("%PDF-"u8) >= 0;
    }
}
