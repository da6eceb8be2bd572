using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Advice;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// Reads one stored bank document (its format detected by content), keys each payment, recognises payments stored
/// before (a resent file, an overlapping statement), applies each new customer payment to the entity's open items in
/// file order, and stores every payment with its state in one transaction. One instance serves one run of one entity:
/// the open items are read once (the target's, when it reads them, and the invoices the Connector posted, less what
/// stored payments took) and form one book, so an item is not given twice in the run. A document interrupted by a
/// crash is read again; payments already stored (same document, same ordinal) are not stored twice.
/// </summary>
internal sealed partial class RemittanceProcessor(IConnectorStore store, ConnectorPaths paths, TimeProvider clock, ILogger logger, ExportOptions options)
{
    private OpenItemBook? _book;
    private Problem? _openItemsWarning;

    public async Task<DocumentOutcome> ProcessAsync(EntityRuntime entity, IInvoiceTarget target, DocumentInfo document, MappingProfile profile, CancellationToken cancellationToken)
    {
        var context = new DocumentReadContext(document.OriginalName);
        var (format, read) = Read(entity, document, profile, context);
        if (context.Failed)
        {
            store.CompleteDocument(document.Id, DocumentStatus.Failed, context.Problems, 0, []);
            return new DocumentOutcome(document.Id, DocumentStatus.Failed, context.Problems, new Dictionary<RecordState, int>(), false);
        }

        var problems = context.Problems.ToList();
        CheckAccount(entity, read, context, problems);
        return await SettleAsync(entity, target, document, format, read, null, problems, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keys the payments read from a document, recognises those stored before, applies each new customer payment, and
    /// stores them all with the document's outcome (one transaction for the payments).
    /// </summary>
    private async Task<DocumentOutcome> SettleAsync(EntityRuntime entity, IInvoiceTarget target, DocumentInfo document, string format, IReadOnlyList<MappedRemittance> read, IReadOnlyList<ScannedReadings>? scans, List<Problem> problems, CancellationToken cancellationToken)
    {
        var remittances = read.Select(r => r.Remittance.Currency is null ? r.Remittance with { Currency = entity.Definition.Currency } : r.Remittance).ToList();
        var keys = ReceiptKeys.Assign(remittances);
        var stored = store.StoredRemittanceOrdinals(document.Id);
        var earlier = store.FindRemittancesByKeys(entity.Code, [.. keys.Where((_, i) => !stored.Contains(i + 1))]);
        var fresh = new List<NewRemittance>();
        var engine = new CashApplicationEngine(entity.Definition.CashApplication);
        var advices = new AdvicePool(store, entity);
        for (var i = 0; i < remittances.Count; i++)
        {
            if (stored.Contains(i + 1))
            {
                continue;
            }

            var remittance = remittances[i];
            var draft = new NewRemittance(document.Id, i + 1, document.RunId, entity.Code, keys[i], RemittanceState.Unapplied, remittance, null, 0m, 0m, remittance.Amount, null, [], [], read[i].Problems, null, null) { Scan = scans?[i] };
            if (earlier.TryGetValue(keys[i], out var before) && before.DocumentId != document.Id)
            {
                var origin = store.GetDocument(before.DocumentId)?.OriginalName ?? $"document {before.DocumentId}";
                fresh.Add(draft with { State = RemittanceState.Duplicate, Unapplied = 0m, DuplicateOf = before.Id, Reason = $"the same payment was received before in '{origin}' (remittance {before.Id}, {before.State}): skipped" });
            }
            else if (remittance.Direction == EntryDirection.Debit)
            {
                fresh.Add(draft with { State = RemittanceState.Debit, Unapplied = 0m, Reason = "a debit, not a customer's payment" });
            }
            else if (read[i].Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error) is { } error)
            {
                fresh.Add(draft with { Reason = $"the payment cannot be applied as read: {error.Message}" });
            }
            else if (remittance.AdviceOnly)
            {
                fresh.Add(draft with { State = RemittanceState.Advice, Unapplied = 0m, Reason = "a remittance advice: waits for the bank credit it describes" });
                var book = _book ??= await BuildBookAsync(entity, target, cancellationToken).ConfigureAwait(false);
                if (!advices.ApplyToWaitingCredit(remittance, book, engine, clock.GetUtcNow()))
                {
                    advices.Add(remittance, fresh.Count - 1);
                }
                else
                {
                    fresh[^1] = fresh[^1] with { State = RemittanceState.AdviceUsed, Reason = advices.LastUse };
                }
            }
            else
            {
                var book = _book ??= await BuildBookAsync(entity, target, cancellationToken).ConfigureAwait(false);
                var (applied, advice) = advices.WithAdvice(remittance);
                var decided = Decided(draft with { Remittance = applied }, engine.Apply(applied, book, entity.Matcher));
                fresh.Add(advice is null ? decided : decided with { Reason = $"{decided.Reason} (with remittance advice {advice.Remittance.PaymentNumber})" });
                if (advice?.DraftIndex is { } index)
                {
                    fresh[index] = fresh[index] with { State = RemittanceState.AdviceUsed, Reason = $"used for the bank credit {remittance.PaymentNumber ?? remittance.BankReference} of {remittance.Amount:0.00}" };
                }
            }
        }

        if (_openItemsWarning is { } warning && fresh.Any(f => f.State is not RemittanceState.Duplicate and not RemittanceState.Debit))
        {
            problems.Add(warning);
        }

        store.AddRemittances(fresh, clock.GetUtcNow());
        advices.RecordUsedStoredAdvices(clock.GetUtcNow());
        var status = problems.Any(p => p.Severity == ProblemSeverity.Error) || fresh.Any(f => f.Problems.Any(p => p.Severity == ProblemSeverity.Error))
            ? DocumentStatus.ProcessedWithErrors
            : DocumentStatus.Processed;
        store.CompleteDocument(document.Id, status, problems, remittances.Count, []);
        logger.LogInformation(
            "Payment document '{Name}' ({Format}): {Counts}",
            document.OriginalName,
            format,
            string.Join(", ", fresh.GroupBy(f => f.State).Select(g => $"{g.Key} {g.Count()}")));
        return new DocumentOutcome(document.Id, status, problems, new Dictionary<RecordState, int>(), false)
        {
            Payments = fresh.GroupBy(f => f.State).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private (string Format, IReadOnlyList<MappedRemittance> Read) Read(EntityRuntime entity, DocumentInfo document, MappingProfile profile, DocumentReadContext context)
    {
        var format = BankFileFormat.Unknown;
        try
        {
            using var file = new FileStream(paths.Resolve(document.ArchivePath), FileMode.Open, FileAccess.Read, FileShare.Read);
            if (profile.Record == ProfileRecord.Remittance)
            {
                var advice = RemittanceDocumentReader.Read(file, profile, entity.Code, context).ToList();
                return ($"remittance advice ({profile.Name})", context.Failed ? [] : advice);
            }

            format = BankFileReader.Detect(file);
            return (BankFileReader.Name(format), BankFileReader.Read(file, format, entity.Code, context));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException)
        {
            // A reader never throws for bad content; should one still (a defect), the document fails, not every run.
            context.Fail(Problem.Error(ProblemCodes.ReadFailed, $"reading stopped at an unexpected error ({e.GetType().Name}: {e.Message}); nothing was taken from the file", context.At()));
            return (BankFileReader.Name(format), []);
        }
    }

    /// <summary>A file whose account is not the entity's is read still (the source is the entity's), with a warning.</summary>
    private static void CheckAccount(EntityRuntime entity, IReadOnlyList<MappedRemittance> read, DocumentReadContext context, List<Problem> problems)
    {
        if (entity.Definition.Identifiers.BankAccounts.Count == 0 || read.Count == 0)
        {
            return;
        }

        if (new BankAccountRouter([entity.Definition]).Route(read.Select(r => r.Remittance.ReceivingAccount), out var reason) is null)
        {
            problems.Add(Problem.Warning(ProblemCodes.BankAccountNotEntity, $"The file came in by a source of {entity.Code}, but {reason}; its payments are applied to {entity.Code}'s invoices.", context.At()));
        }
    }

    private async Task<OpenItemBook> BuildBookAsync(EntityRuntime entity, IInvoiceTarget target, CancellationToken cancellationToken)
    {
        var items = new List<OpenItem>();
        if (target is IOpenItemSource source)
        {
            try
            {
                var settings = options.Resilience ?? entity.Definition.Target.Resilience;
                var resilience = TargetResilience.For(target, entity.Code, settings, options.Timing, logger);
                items.AddRange(await resilience.Pipeline.ExecuteAsync(async token => await source.LoadOpenItemsAsync(entity.Definition, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
            {
                _openItemsWarning = Problem.Warning(ProblemCodes.BankOpenItemsUnavailable, $"The open items of {target.Type} could not be read ({e.Message}); payments were applied to the invoices the Connector posted only.", new SourceLocation(entity.Code));
                logger.LogWarning("Open items of {Entity} could not be read from {Target}: {Reason}; applying to the invoices the Connector posted only", entity.Code, target.Type, e.Message);
            }
        }

        var book = OpenItemBook.Build(ConnectorOpenItems.ForCashApplication(store, entity.Code, items));
        logger.LogInformation("Cash application for {Entity}: {Count} open items", entity.Code, book.Count);
        return book;
    }

    private static NewRemittance Decided(NewRemittance draft, CashApplicationResult result)
    {
        var state = result.Outcome switch
        {
            ApplicationOutcome.FullyApplied => RemittanceState.Applied,
            ApplicationOutcome.PartlyApplied => RemittanceState.PartlyApplied,
            _ => RemittanceState.Unapplied,
        };
        return draft with
        {
            State = state,
            PayerAccount = result.PayerAccount,
            Applied = result.Applied,
            OnAccount = result.OnAccount,
            Unapplied = result.Unapplied,
            Explanation = result.Explanation,
            Applications = Stored(result),
            Candidates = [.. result.Candidates.Select(c => new StoredCandidate(c.Item.Number, c.Item.CustomerAccount, c.Item.OpenAmount, c.Score, c.Reason))],
            Reason = state == RemittanceState.Applied ? "applied automatically" : "waits for an operator: " + result.Explanation,
        };
    }

    /// <summary>The applications of a result as the store keeps them.</summary>
    internal static IReadOnlyList<StoredApplication> Stored(CashApplicationResult result)
        => [.. result.Applications.Select(a => new StoredApplication(a.Item.Number, a.Item.CustomerAccount, a.Item.ErpId, a.Item.InstallmentId, a.Item.Origin, a.AmountApplied, a.DiscountTaken, a.Deduction, a.DeductionReason, a.Rule, a.Explanation, a.LineNumber))];
}
