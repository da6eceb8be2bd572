using Connector.Host.Reports;

namespace Connector.Host.Pipeline;

/// <summary>What to run: the entity's inboxes (files null), or the given files (an import by hand).</summary>
internal sealed record RunRequest(string Trigger, IReadOnlyList<string>? Files = null, string? Profile = null, TimeSpan Settle = default, string Actor = "connector");

/// <summary>Receives progress of a run, for progress bars and logs.</summary>
internal interface IRunObserver
{
    void DocumentStarted(string name, long size);

    void BytesRead(long bytes);

    void DocumentFinished(string name, DocumentOutcome outcome);

    /// <summary>Posting goes on: records of the current batch settled so far (confirmed or refused), of how many.</summary>
    void Posting(int settled, int total);

    /// <summary>Files left in the inbox for now, and why (e.g. PDFs while the PDF tools are missing).</summary>
    void Waiting(int files, string why);
}

internal sealed record RunSummary(long RunId, ReconciliationReport Report, string HtmlReport, string CsvReport, bool Interrupted)
{
    /// <summary>How posting ended (null when the run stopped before posting).</summary>
    public ExportResult? Export { get; init; }

    /// <summary>How posting receipts ended (null when the run did not get there).</summary>
    public ExportResult? Receipts { get; init; }
}
