using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.EInvoicing;

namespace Connector.Adapters.EInvoicing;

/// <summary>
/// Takes the embedded XML files out of a PDF with poppler's <c>pdfdetach</c> (<c>-list</c>, then <c>-save N</c> into a
/// private temporary file for each <c>.xml</c> one) and reads the Factur-X / ZUGFeRD claims of its XMP metadata with
/// <c>pdfinfo -meta</c>. Each tool runs as its own process, without a shell, under <see cref="PdfToolOptions.Timeout"/>.
/// Thread-safe; logs nothing; never throws for a bad PDF.
/// </summary>
internal sealed partial class PopplerPdfAttachments : IPdfAttachmentExtractor
{
    public const string InstallHint = "install poppler-utils (apt-get install poppler-utils)";

    private const int MaxListingChars = 1024 * 1024;
    private const int MaxXmpChars = 4 * 1024 * 1024;

    private static readonly ConcurrentDictionary<(string, string), (bool Available, string? Message)> Probes = new();

    private readonly PdfToolOptions _options;

    public PopplerPdfAttachments(PdfToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        _options = options;
    }

    /// <summary>
    /// Whether poppler's tools can be started (runs <c>pdfdetach -v</c> and <c>pdfinfo -v</c> once per pair of paths,
    /// then answers from memory). When not, <paramref name="message"/> says which one is missing and how to install it.
    /// </summary>
    public static bool IsAvailable(PdfToolOptions options, out string? message)
    {
        ArgumentNullException.ThrowIfNull(options);
        var probe = Probes.GetOrAdd((options.PdfDetach, options.PdfInfo), key => Probe(key.Item1, key.Item2, options.Timeout));
        message = probe.Message;
        return probe.Available;
    }

    public PdfExtraction Extract(Stream pdf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var work = PdfWorkFolder.Create(_options.WorkRoot);
        var path = pdf is FileStream file && File.Exists(file.Name)
            ? file.Name
            : work.CopyIn(pdf, "input.pdf", cancellationToken);
        return Extract(path, work, cancellationToken);
    }

    private PdfExtraction Extract(string pdfPath, PdfWorkFolder work, CancellationToken cancellationToken)
    {
        var listing = Run(_options.PdfDetach, ["-list", "-enc", "UTF-8", pdfPath], MaxListingChars, cancellationToken);
        if (listing.Failure is { } listFailure)
        {
            return listFailure;
        }

        var meta = Run(_options.PdfInfo, ["-meta", pdfPath], MaxXmpChars, cancellationToken);
        if (meta.Failure is { Status: PdfExtractionStatus.ToolMissing or PdfExtractionStatus.TimedOut } metaFailure)
        {
            return metaFailure;
        }

        // pdfinfo failing on a PDF pdfdetach could list means only that there is no readable XMP: ignored.
        var xmp = meta.Failure is null ? FacturXXmp.Parse(meta.Run.StdOut) : FacturXXmp.None;

        var entries = ParseListing(listing.Run.StdOut);
        var xmlEntries = entries.Where(e => e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        var attachments = new List<PdfAttachment>();
        long total = 0;
        foreach (var (index, name) in xmlEntries.Take(_options.MaxAttachments))
        {
            var target = work.File(string.Create(CultureInfo.InvariantCulture, $"attachment-{index}.bin"));
            var save = Run(_options.PdfDetach, ["-save", index.ToString(CultureInfo.InvariantCulture), "-o", target, pdfPath], MaxListingChars, cancellationToken);
            if (save.Failure is { } saveFailure)
            {
                return saveFailure;
            }

            var size = File.Exists(target) ? new FileInfo(target).Length : 0;
            if (size > _options.MaxAttachmentBytes)
            {
                return PdfExtraction.Failed(PdfExtractionStatus.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"The embedded file '{Printable(name)}' is {size} bytes, over the limit of {_options.MaxAttachmentBytes} bytes per attachment."));
            }

            total += size;
            if (total > _options.MaxTotalBytes)
            {
                return PdfExtraction.Failed(PdfExtractionStatus.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"The embedded XML files take more than the limit of {_options.MaxTotalBytes} bytes together (reached at '{Printable(name)}')."));
            }

            attachments.Add(new PdfAttachment(name, size == 0 ? [] : File.ReadAllBytes(target)));
            File.Delete(target);
        }

        var message = xmlEntries.Count > _options.MaxAttachments
            ? string.Create(CultureInfo.InvariantCulture, $"The PDF holds {xmlEntries.Count} embedded XML files; only the first {_options.MaxAttachments} were read.")
            : null;
        return new PdfExtraction(PdfExtractionStatus.Ok, attachments, message, xmp.ConformanceLevel, xmp.DocumentFileName);
    }

    /// <summary>The numbered lines of <c>pdfdetach -list</c> ("N: name"); an index is taken once, in order.</summary>
    internal static IReadOnlyList<(int Index, string Name)> ParseListing(string listing)
    {
        var entries = new List<(int, string)>();
        var seen = new HashSet<int>();
        foreach (var line in listing.Split('\n'))
        {
            var match = ListingLine().Match(line.TrimEnd('\r'));
            if (match.Success
                && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index > 0
                && seen.Add(index))
            {
                entries.Add((index, match.Groups[2].Value));
            }
        }

        return entries;
    }

    private (ToolRun Run, PdfExtraction? Failure) Run(string tool, IReadOnlyList<string> arguments, int maxStdOut, CancellationToken cancellationToken)
    {
        var run = PdfToolRunner.Run(tool, arguments, _options.Timeout, maxStdOut, cancellationToken);
        var program = Path.GetFileName(tool);
        PdfExtraction? failure = run.Outcome switch
        {
            ToolRunOutcome.Missing => PdfExtraction.Failed(PdfExtractionStatus.ToolMissing,
                $"poppler's {program} could not be started from '{tool}' ({run.StdErr}): {InstallHint}, or set {VariableFor(tool)}."),
            ToolRunOutcome.TimedOut => PdfExtraction.Failed(PdfExtractionStatus.TimedOut, string.Create(CultureInfo.InvariantCulture,
                $"{program} did not finish reading the PDF within the limit of {_options.Timeout.TotalSeconds:0.###} s and was stopped.")),
            _ when run.ExitCode != 0 => PdfExtraction.Failed(PdfExtractionStatus.Unreadable, string.Create(CultureInfo.InvariantCulture,
                $"{program} could not read the PDF (exit code {run.ExitCode}): {run.FirstErrorLine}")),
            _ => null,
        };
        return (run, failure);
    }

    private string VariableFor(string tool) =>
        string.Equals(tool, _options.PdfInfo, StringComparison.Ordinal) ? PdfToolOptions.PdfInfoVariable : PdfToolOptions.PdfDetachVariable;

    private static (bool, string?) Probe(string pdfDetach, string pdfInfo, TimeSpan timeout)
    {
        foreach (var tool in new[] { pdfDetach, pdfInfo })
        {
            var run = PdfToolRunner.Run(tool, ["-v"], timeout, 4096, CancellationToken.None);
            if (run.Outcome != ToolRunOutcome.Exited)
            {
                var variable = tool == pdfDetach ? PdfToolOptions.PdfDetachVariable : PdfToolOptions.PdfInfoVariable;
                return (false, $"poppler's {Path.GetFileName(tool)} could not be started from '{tool}': {InstallHint}, or set {variable}. PDF e-invoices wait in the inbox until then.");
            }
        }

        return (true, null);
    }

    /// <summary>An embedded file's name as safe to show: control characters replaced, length bounded.</summary>
    private static string Printable(string name)
    {
        var text = new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 120 ? text[..120] + "..." : text;
    }

    [GeneratedRegex(@"^\s*(\d{1,6}): (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingLine();
}
