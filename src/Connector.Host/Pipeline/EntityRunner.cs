using Connector.Adapters.Abstractions;
using Connector.Adapters.Sources.Folder;
using Connector.Host.Reports;
using Connector.Host.Store;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// One run of one entity: resume what a crash interrupted, take in the new documents, read them, export what is
/// ready, and write the reconciliation report.
/// </summary>
internal sealed partial class EntityRunner(IConnectorStore store, ConnectorPaths paths, TimeProvider clock, ILogger logger, ExportOptions exportOptions, int chunkSize = DocumentProcessor.DefaultChunkSize)
{
    public async Task<RunSummary> RunAsync(EntityRuntime entity, IInvoiceTarget target, RunRequest request, IRunObserver? observer, CancellationToken cancellationToken)
    {
        if (request.Profile is not null && entity.Profiles.All(p => !string.Equals(p.Name, request.Profile, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Entity {entity.Code} has no profile '{request.Profile}'. Profiles: {string.Join(", ", entity.Profiles.Select(p => p.Name))}.", nameof(request));
        }

        var runId = store.StartRun(entity.Code, request.Trigger, clock.GetUtcNow());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Entity"] = entity.Code, ["Run"] = runId });
        logger.LogInformation("Run {Run} of {Entity} started ({Trigger})", runId, entity.Code, request.Trigger);
        try
        {
            return await RunStartedAsync(entity, target, request, observer, runId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // What was committed stays and is resumed by the next run; the run itself is marked, not left "Running".
            logger.LogError(e, "Run {Run} of {Entity} failed", runId, entity.Code);
            TryMarkFailed(runId);
            throw;
        }
    }

    private async Task<RunSummary> RunStartedAsync(EntityRuntime entity, IInvoiceTarget target, RunRequest request, IRunObserver? observer, long runId, CancellationToken cancellationToken)
    {
        var intake = new DocumentIntake(store, paths, clock);
        var processor = new DocumentProcessor(store, paths, clock, chunkSize);
        var payments = new RemittanceProcessor(store, paths, clock, logger, exportOptions);
        var interrupted = false;
        ExportResult? exportEnd = null;
        ExportResult? receiptsEnd = null;

        var work = new List<(DocumentInfo Document, MappingProfile Profile)>();
        foreach (var left in store.DocumentsToResume(entity.Code))
        {
            logger.LogWarning("Resuming document {Document} ('{Name}') interrupted earlier", left.Id, left.OriginalName);
            var profile = entity.Profiles.FirstOrDefault(p => string.Equals(p.Name, left.Profile, StringComparison.OrdinalIgnoreCase));
            if (profile is null)
            {
                FailWithoutProfile(entity, left, observer, $"the profile '{left.Profile}' it was taken in with no longer exists");
                continue;
            }

            work.Add((left, profile));
        }

        var pdfsWaiting = 0;
        var scansWaiting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, path) in Incoming(entity, request))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var profile = ProfileFor(entity, source, path, request.Profile);
            if (profile?.Format == ProfileFormat.EInvoice && IsPdf(path) && !EntityRuntime.CanReadPdfs(out var why))
            {
                // Nothing is wrong with the document: it waits where it is until the PDF tools are installed.
                pdfsWaiting++;
                logger.LogWarning("'{Name}' waits in the inbox: it is a PDF e-invoice and PDFs cannot be opened ({Why})", Path.GetFileName(path), why);
                continue;
            }

            if (profile?.Format == ProfileFormat.Scan && !CanReadScan(profile, path, out var scanWhy))
            {
                // Nothing is wrong with the scan either: it waits until the OCR engine (or its language) is installed.
                scansWaiting[scanWhy] = scansWaiting.GetValueOrDefault(scanWhy) + 1;
                logger.LogWarning("'{Name}' waits in the inbox: it is a scan and cannot be read here ({Why})", Path.GetFileName(path), scanWhy);
                continue;
            }

            var taken = intake.Take(entity.Code, source, path, runId, request.Actor, profile?.Name);
            if (request.Files is null)
            {
                FolderSource.MarkTaken(path);
            }

            if (taken.IsDuplicate)
            {
                logger.LogWarning("'{Name}' was received before (same SHA-256); kept as a duplicate, nothing taken from it", taken.Document.OriginalName);
                observer?.DocumentFinished(taken.Document.OriginalName, new DocumentOutcome(taken.Document.Id, DocumentStatus.Duplicate, [], new Dictionary<RecordState, int>(), false));
            }
            else if (taken.IsNew && profile is null)
            {
                FailWithoutProfile(entity, taken.Document, observer, "no profile of the entity fits its name: name one with --profile, or give the sources patterns that tell the files apart");
            }
            else if (taken.IsNew)
            {
                work.Add((taken.Document, profile!));
            }
        }

        if (pdfsWaiting > 0)
        {
            observer?.Waiting(pdfsWaiting, "PDF e-invoices wait in the inbox until poppler-utils is installed (pdfdetach, pdfinfo)");
        }

        foreach (var (why, count) in scansWaiting)
        {
            observer?.Waiting(count, $"scans wait in the inbox: {why}");
        }

        var scanned = new HashSet<long>();

        foreach (var (document, profile) in work)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            if (profile.Format == ProfileFormat.Scan)
            {
                if (scanned.Contains(document.Id))
                {
                    continue;
                }

                await ProcessScansAsync(entity, target, payments, work, profile, scanned, observer, cancellationToken).ConfigureAwait(false);
                continue;
            }

            observer?.DocumentStarted(document.OriginalName, document.Size);
            var progress = observer is null ? null : new Progress<long>(observer.BytesRead);
            var outcome = profile.Format == ProfileFormat.Bank || profile.Record == ProfileRecord.Remittance
                ? await payments.ProcessAsync(entity, target, document, profile, cancellationToken).ConfigureAwait(false)
                : processor.Process(entity, document, profile, progress, cancellationToken);
            interrupted |= outcome.Interrupted;
            Finished(document, outcome, observer);
        }

        if (!interrupted)
        {
            var posting = observer is null ? exportOptions : exportOptions with { Progress = new SyncProgress(observer) };
            var export = await new Exporter(store, clock, logger, posting).ExportAsync(entity, target, runId, cancellationToken).ConfigureAwait(false);
            exportEnd = export;
            if (export.End == ExportEnd.Done)
            {
                receiptsEnd = await new ReceiptPoster(store, clock, logger, exportOptions).PostAsync(entity, target, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning("Receipts of {Entity} are not posted in this run: the invoices' posting did not finish ({End})", entity.Code, export.End);
            }
        }

        var status = interrupted || cancellationToken.IsCancellationRequested ? "Interrupted" : "Completed";
        store.FinishRun(runId, status, clock.GetUtcNow());
        var report = ReportBuilder.Build(store, runId, entity.Definition.Name, paths);
        var (html, csv) = WriteReport(report);
        logger.LogInformation("Run {Run} of {Entity} {Status}: read {Read}, exported {Exported}, exceptions {Excepted}, skipped {Skipped}; report {Report}", runId, entity.Code, status, report.Counts.Read, report.Counts.Exported, report.Counts.Excepted, report.Counts.Skipped, html);
        return new RunSummary(runId, report, html, csv, interrupted) { Export = exportEnd, Receipts = receiptsEnd };
    }

    private void Finished(DocumentInfo document, DocumentOutcome outcome, IRunObserver? observer)
    {
        observer?.DocumentFinished(document.OriginalName, outcome);
        foreach (var problem in outcome.Problems)
        {
            logger.LogWarning("{Problem}", problem.ToString());
        }

        logger.LogInformation("Document '{Name}' {Status}: {Counts}", document.OriginalName, outcome.Status, string.Join(", ", outcome.Counts.Select(c => $"{c.Key} {c.Value}")));
    }

    private void TryMarkFailed(long runId)
    {
        try
        {
            store.FinishRun(runId, "Failed", clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store itself may be what failed; the original exception is the one to report.
            logger.LogWarning(e, "Run {Run} could not be marked failed", runId);
        }
    }

    /// <summary>Whether a run would do anything: files waiting, a document or batch to resume, records ready to export.</summary>
    public bool HasWork(EntityRuntime entity, RunRequest request)
        => request.Files is { Count: > 0 }
           || store.DocumentsToResume(entity.Code).Count > 0
           || store.PendingBatches(entity.Code).Count > 0
           || store.SubmittedBatches(entity.Code).Count > 0
           || store.ReadyHeads(entity.Code, 1).Count > 0
           || store.RemittancesInStates(entity.Code, [RemittanceState.Applied, RemittanceState.Posting]).Count > 0
           || Incoming(entity, request).Any();

    public (string Html, string Csv) WriteReport(ReconciliationReport report)
    {
        var folder = Path.Combine(paths.ReportsDirectory, report.EntityCode);
        Directory.CreateDirectory(folder);
        var name = $"run-{report.RunId}";
        var html = Path.Combine(folder, name + ".html");
        var csv = Path.Combine(folder, name + ".csv");
        File.WriteAllText(html, ReportHtmlRenderer.Render(report));
        using (var writer = new StreamWriter(csv))
        {
            ReportCsvWriter.Write(report, writer);
        }

        return (html, csv);
    }

    private IEnumerable<(string Source, string Path)> Incoming(EntityRuntime entity, RunRequest request)
    {
        if (request.Files is not null)
        {
            return request.Files.Select(f => ("import", Path.GetFullPath(f)));
        }

        return entity.Definition.Sources.SelectMany(source =>
            new FolderSource(paths.Resolve(source.Inbox), source.Pattern, request.Settle, clock).ListReady().Select(path => (source.Name, path)));
    }

    /// <summary>
    /// An explicit profile; else the profile of the source it came in by; else, for a file imported by hand that is a
    /// bank file (by content), the entity's bank profile; else of the source whose pattern fits; else the only one; else none.
    /// </summary>
    private static MappingProfile? ProfileFor(EntityRuntime entity, string source, string path, string? explicitProfile)
    {
        var fileName = Path.GetFileName(path);
        if (explicitProfile is not null)
        {
            return entity.Profile(explicitProfile);
        }

        var sources = entity.Definition.Sources;
        var byName = sources.FirstOrDefault(s => s.Name == source);
        if (byName is not null)
        {
            return entity.Profile(byName.Profile);
        }

        if (entity.Profiles.FirstOrDefault(p => p.Format == ProfileFormat.Bank) is { } bank && IsBankFile(path))
        {
            return bank;
        }

        if (entity.Profiles.FirstOrDefault(p => p.Format == ProfileFormat.Scan) is { } scan && IsScanImage(path))
        {
            return scan;
        }

        var byPattern = sources.FirstOrDefault(s => new FolderSource(".", s.Pattern, TimeSpan.Zero, TimeProvider.System).Accepts(fileName));
        if (byPattern is not null)
        {
            return entity.Profile(byPattern.Profile);
        }

        return entity.Profiles.Count == 1 ? entity.Profiles[0] : null;
    }

    /// <summary>A document no profile can read is kept, and failed with the reason, instead of stopping every later run.</summary>
    private void FailWithoutProfile(EntityRuntime entity, DocumentInfo document, IRunObserver? observer, string why)
    {
        var problem = Problem.Error(ProblemCodes.UnknownFormat, $"'{document.OriginalName}' cannot be read by entity {entity.Code}: {why}.", new SourceLocation(document.OriginalName));
        store.CompleteDocument(document.Id, DocumentStatus.Failed, [problem], 0, []);
        logger.LogError("{Problem}", problem.ToString());
        observer?.DocumentFinished(document.OriginalName, new DocumentOutcome(document.Id, DocumentStatus.Failed, [problem], new Dictionary<RecordState, int>(), false));
    }

    /// <summary>Reports straight to the observer, on the posting thread (no synchronisation context to post to).</summary>
    private sealed class SyncProgress(IRunObserver observer) : IProgress<(int Settled, int Total)>
    {
        public void Report((int Settled, int Total) value) => observer.Posting(value.Settled, value.Total);
    }
}
