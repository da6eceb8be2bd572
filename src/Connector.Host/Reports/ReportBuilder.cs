using Connector.Adapters.Ocr;
using Connector.Host.Pipeline;
using Connector.Host.Store;

namespace Connector.Host.Reports;

/// <summary>
/// Builds the reconciliation report of a run from the store. Source totals come from the control totals each
/// document recorded while it was read; the categories come from the records' states now. A record lost between
/// reading and storing shows as a difference.
/// </summary>
internal static class ReportBuilder
{
    /// <param name="store">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="entityName">The entity's name, for the title.</param>
    /// <param name="paths">Where the archived documents are: given, a scanned payment that waits shows the image of its failed fields.</param>
    public static ReconciliationReport Build(IConnectorStore store, long runId, string entityName, ConnectorPaths? paths = null)
    {
        var run = store.GetRun(runId) ?? throw new ArgumentException($"There is no run {runId}.", nameof(runId));
        var documents = store.DocumentsOfRun(runId);
        var records = store.RecordsOfRun(runId);
        var exceptions = records.Where(r => r.State is RecordState.Exception or RecordState.Rejected).ToList();
        var exceptionCodes = exceptions
            .GroupBy(r => r.StateReason ?? r.Problems.FirstOrDefault()?.Code ?? "UNKNOWN", StringComparer.Ordinal)
            .Select(g => new ExceptionCount(g.Key, g.Count()))
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToList();

        var currencies = documents.SelectMany(d => d.Control.Select(c => c.Currency))
            .Concat(records.Select(r => r.Currency ?? "(none)"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var totals = currencies.Select(currency =>
        {
            var source = documents.SelectMany(d => d.Control).Where(c => c.Currency == currency).ToList();
            var mine = records.Where(r => (r.Currency ?? "(none)") == currency).ToList();
            return new CurrencyTotals(
                currency,
                new AmountCount(source.Sum(s => s.Count), source.Sum(s => s.Amount)),
                Sum(mine, RecordState.Posted, RecordState.Confirmed),
                Sum(mine, RecordState.Exception, RecordState.Rejected),
                Sum(mine, RecordState.Skipped),
                Sum(mine, RecordState.Received, RecordState.Parsed, RecordState.Mapped, RecordState.Validated, RecordState.Ready, RecordState.Posting));
        }).ToList();

        var counts = new RecordCounts(
            documents.Sum(d => d.Control.Sum(c => c.Count)),
            records.Count(r => r.State is RecordState.Posted or RecordState.Confirmed),
            exceptions.Count,
            records.Count(r => r.State == RecordState.Skipped),
            records.Count(r => r.State is RecordState.Ready or RecordState.Posting or RecordState.Received or RecordState.Parsed or RecordState.Mapped or RecordState.Validated))
        {
            Confirmed = records.Count(r => r.State == RecordState.Confirmed),
        };

        var reportDocuments = documents.Select(d => new ReportDocument(
            d.OriginalName,
            d.Sha256,
            d.Status == DocumentStatus.Duplicate ? $"Duplicate of document {d.DuplicateOf}" : d.Status.ToString(),
            d.RecordCount,
            d.Problems.Select(p => p.ToString()).ToList())).ToList();
        // Every batch the target took: a package in an outbox, or an import (request id) in the ERP, with its state.
        var packages = store.BatchesOfRun(runId)
            .Where(b => b.State is BatchState.Written or BatchState.Submitted or BatchState.Confirmed)
            .Select(b => b.State switch
            {
                BatchState.Written => b.Location ?? b.Id,
                BatchState.Submitted => $"{b.Id}: import {b.Location} still running",
                _ => string.IsNullOrEmpty(b.Location) ? $"{b.Id}: posted invoice by invoice, confirmed" : $"{b.Id}: import {b.Location} confirmed",
            })
            .ToList();
        var names = documents.ToDictionary(d => d.Id, d => d.OriginalName);
        var openExceptions = store.ListExceptions(run.Entity, openOnly: true, int.MaxValue).ToLookup(e => e.RecordId);
        var setAside = exceptions.Select(r =>
        {
            var exception = openExceptions[r.Id].FirstOrDefault();
            var first = r.Problems.FirstOrDefault(p => p.Severity == Mapping.Problems.ProblemSeverity.Error);
            return new ReportSetAside(
                r.Id,
                exception?.Id,
                r.Number,
                names.GetValueOrDefault(r.DocumentId, $"document {r.DocumentId}"),
                first?.Location.Line,
                r.Currency ?? "(none)",
                r.NetAmount,
                exception?.Code ?? r.StateReason ?? first?.Code ?? "UNKNOWN",
                exception?.Message ?? first?.Message ?? string.Empty);
        }).ToList();
        var carried = store.BatchesOfRun(runId)
            .Where(b => b.State == BatchState.Written)
            .SelectMany(b => store.RecordsOfBatch(b.Id))
            .Where(r => r.RunId != runId && r.State is RecordState.Posted or RecordState.Confirmed)
            .GroupBy(r => r.Currency ?? "(none)", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CarriedTotal(g.Key, new AmountCount(g.Count(), g.Sum(r => r.NetAmount))))
            .ToList();
        return new ReconciliationReport(runId, run.Entity, entityName, run.Trigger, run.StartedAt, run.FinishedAt, reportDocuments, counts, exceptionCodes, totals, packages)
        {
            SetAside = setAside,
            ExportedFromEarlierRuns = carried,
            Payments = PaymentReport.Build(store.RemittancesOfRun(runId), names, paths is null ? null : payment => Images(store, paths, payment)),
        };
    }

    private static AmountCount Sum(IReadOnlyList<RecordInfo> records, params RecordState[] states)
    {
        var selected = records.Where(r => states.Contains(r.State)).ToList();
        return new AmountCount(selected.Count, selected.Sum(r => r.NetAmount));
    }

    /// <summary>The failed fields' images of a scanned payment (none for a payment of a bank file, or when the scan cannot be opened).</summary>
    private static IReadOnlyList<ReportImage> Images(IConnectorStore store, ConnectorPaths paths, RemittanceInfo payment)
    {
        if (store.ScanOf(payment.Id) is not { } readings)
        {
            return [];
        }

        return [.. ScanCrops.OfFailedFields(store, paths, payment, readings, out _, max: 3).Select(c => new ReportImage(c.Caption, ScanImages.Crop(c.Page, c.Region)))];
    }
}
