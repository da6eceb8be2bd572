namespace Connector.Adapters.EInvoicing;

/// <summary>
/// Where poppler's programs are and the limits put on reading one PDF. The tool paths default to the programs on the
/// PATH; <see cref="FromEnvironment"/> takes them from <c>CONNECTOR_PDFDETACH</c> / <c>CONNECTOR_PDFINFO</c> when set.
/// </summary>
internal sealed record PdfToolOptions
{
    public const string PdfDetachVariable = "CONNECTOR_PDFDETACH";
    public const string PdfInfoVariable = "CONNECTOR_PDFINFO";

    /// <summary>poppler's <c>pdfdetach</c> (lists and saves embedded files).</summary>
    public string PdfDetach { get; init; } = "pdfdetach";

    /// <summary>poppler's <c>pdfinfo</c> (prints the XMP metadata with <c>-meta</c>).</summary>
    public string PdfInfo { get; init; } = "pdfinfo";

    /// <summary>How long one run of a tool may take before it is killed (with its children).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The largest embedded file read back.</summary>
    public long MaxAttachmentBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The most bytes read back from all the embedded files of one PDF together.</summary>
    public long MaxTotalBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The most <c>.xml</c> embedded files read from one PDF; further ones are left out (and said so).</summary>
    public int MaxAttachments { get; init; } = 10;

    /// <summary>Where the private work folders are made (default: the system's temporary folder).</summary>
    public string? WorkRoot { get; init; }

    /// <summary>The defaults, with the tool paths taken from the environment when set.</summary>
    public static PdfToolOptions FromEnvironment() => new()
    {
        PdfDetach = NonEmpty(Environment.GetEnvironmentVariable(PdfDetachVariable)) ?? "pdfdetach",
        PdfInfo = NonEmpty(Environment.GetEnvironmentVariable(PdfInfoVariable)) ?? "pdfinfo",
    };

    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PdfDetach);
        ArgumentException.ThrowIfNullOrWhiteSpace(PdfInfo);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Timeout, TimeSpan.FromMilliseconds(int.MaxValue));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttachmentBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttachments);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
