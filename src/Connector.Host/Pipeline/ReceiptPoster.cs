using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// Posts the entity's Applied payments as receipts, exactly once, after the invoices of the run: each moves to
/// Posting (one transaction), then, under the target's resilience pipeline, is looked up first when an attempt was
/// made before (a crash, a lost answer, a Posting left over) and before every retry, else posted; Confirmed with the
/// ERP's id and number, or Refused with its reasons (its applications go back to later books). A transient failure
/// that outlasts the retries leaves it Applied (looked up first next time) and stops posting for the run. A target
/// that cannot post receipts makes each Applied payment NoTarget, once, with the reason.
/// </summary>
internal sealed class ReceiptPoster(IConnectorStore store, TimeProvider clock, ILogger logger, ExportOptions options)
{
    private const string Actor = "pipeline";

    public async Task<ExportResult> PostAsync(EntityRuntime entity, IInvoiceTarget target, CancellationToken cancellationToken)
    {
        if (target is not IReceiptTarget receipts)
        {
            var why = $"target {target.Type} cannot post receipts (it does not implement contract 1.1 IReceiptTarget): the payment is kept applied here; record the receipt in the ERP by hand, or give the entity a target that posts receipts";
            foreach (var applied in store.RemittancesInStates(entity.Code, [RemittanceState.Applied]))
            {
                store.MoveRemittance(new RemittanceMove(applied.Id, RemittanceState.Applied, RemittanceState.NoTarget, why, Actor), clock.GetUtcNow());
            }

            return new ExportResult(ExportEnd.Done);
        }

        var settings = options.Resilience ?? entity.Definition.Target.Resilience;
        var resilience = TargetResilience.For(target, entity.Code, settings, options.Timing, logger);
        foreach (var remittance in store.RemittancesInStates(entity.Code, [RemittanceState.Posting, RemittanceState.Applied]))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new ExportResult(ExportEnd.Interrupted);
            }

            var lookFirst = remittance.State == RemittanceState.Posting || remittance.Attempts > 0;
            if (remittance.State == RemittanceState.Applied
                && !store.MoveRemittance(new RemittanceMove(remittance.Id, RemittanceState.Applied, RemittanceState.Posting, "posting the receipt", Actor), clock.GetUtcNow()))
            {
                continue;
            }

            var posting = ReceiptFor(entity, remittance);
            try
            {
                var attempt = 0;
                var erp = await resilience.Pipeline.ExecuteAsync(
                    async token =>
                    {
                        if (lookFirst || attempt++ > 0)
                        {
                            var found = await receipts.FindReceiptAsync(posting, token).ConfigureAwait(false);
                            if (found is not null && HoldsEveryApplication(found, posting))
                            {
                                logger.LogInformation("Receipt {Number} of {Entity} found in {Target} ({Id}): not posted again", posting.ReceiptNumber, entity.Code, target.Type, found.Id);
                                return found;
                            }

                            if (found is not null)
                            {
                                // Created, but an application was lost with the answer: posting it again completes it (contract 1.1).
                                logger.LogInformation("Receipt {Number} of {Entity} found in {Target} ({Id}) without all its applications: completing it", posting.ReceiptNumber, entity.Code, target.Type, found.Id);
                            }
                        }

                        return await receipts.PostReceiptAsync(posting, token).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                store.MoveRemittance(
                    new RemittanceMove(remittance.Id, RemittanceState.Posting, RemittanceState.Confirmed, $"receipt {erp}", Actor) { ErpReceiptId = erp.Id, ErpReceiptNumber = erp.Number },
                    clock.GetUtcNow());
            }
            catch (RefusedByTargetException e)
            {
                var problems = Refusal(target.Type, remittance, posting, e);
                store.MoveRemittance(
                    new RemittanceMove(remittance.Id, RemittanceState.Posting, RemittanceState.Refused, problems[0].Message, Actor) { Problems = problems },
                    clock.GetUtcNow());
                logger.LogWarning("Receipt {Number} of {Entity} refused by {Target}: {Reason}", posting.ReceiptNumber, entity.Code, target.Type, e.Message);
            }
            catch (Exception e) when (TargetResilience.IsTransient(e) || e is TargetSetupException)
            {
                store.MoveRemittance(
                    new RemittanceMove(remittance.Id, RemittanceState.Posting, RemittanceState.Applied, $"not posted ({e.Message}); looked up in {target.Type} before it is posted again", Actor),
                    clock.GetUtcNow());
                var end = e is TargetSetupException ? ExportEnd.TargetUnusable : ExportEnd.TargetUnavailable;
                logger.LogError("Posting receipts for {Entity} stopped: {Target} {Reason}; the payments wait for the next run", entity.Code, target.Type, e.Message);
                return new ExportResult(end, e.Message);
            }
        }

        return new ExportResult(ExportEnd.Done);
    }

    /// <summary>
    /// The receipt of a payment: its deterministic number, the booking date (else the payment date), the payer as
    /// resolved, and the decided applications with the items' ERP ids.
    /// </summary>
    internal ReceiptPosting ReceiptFor(EntityRuntime entity, RemittanceInfo stored)
    {
        var r = stored.Remittance;
        var occurrence = int.TryParse(stored.IdempotencyKey[(stored.IdempotencyKey.LastIndexOf('|') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var date = r.BookingDate ?? r.PaymentDate ?? r.ValueDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var applications = stored.Applications
            .Select(a => new ReceiptApplication(a.InvoiceNumber, a.ErpId, a.InstallmentId, a.Amount, a.Discount, a.Deduction, a.DeductionReason))
            .ToList();
        var comments = string.Join(" | ", new[] { r.PaymentNumber, r.BankReference, r.FreeText }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new ReceiptPosting(
            entity.Definition,
            stored.IdempotencyKey,
            ReceiptNumbers.For(r, stored.IdempotencyKey, occurrence),
            date,
            r.Amount,
            r.Currency ?? entity.Definition.Currency,
            stored.PayerAccount,
            r.Method,
            r.ReceivingAccount,
            r.Payer.Name,
            applications,
            comments.Length == 0 ? null : comments[..Math.Min(comments.Length, 240)]);
    }

    /// <summary>Whether the ERP's receipt has every application the posting asks for, amount for amount per invoice.</summary>
    internal static bool HoldsEveryApplication(ErpReceipt found, ReceiptPosting posting)
    {
        var held = found.Applications.GroupBy(a => a.InvoiceNumber, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountApplied), StringComparer.OrdinalIgnoreCase);
        return posting.Applications.GroupBy(a => a.InvoiceNumber, StringComparer.OrdinalIgnoreCase)
            .All(g => held.TryGetValue(g.Key, out var amount) && amount == g.Sum(a => a.AmountApplied));
    }

    private static List<Problem> Refusal(string targetType, RemittanceInfo stored, ReceiptPosting posting, RefusedByTargetException e)
    {
        var at = stored.Remittance.Source;
        return e.Errors.Count == 0
            ? [Problem.Error(ProblemCodes.TargetRefused, $"{targetType} refused receipt {posting.ReceiptNumber}: {e.Message}", at, "receipt_number", posting.ReceiptNumber)]
            : [.. e.Errors.Select(x => Problem.Error(x.Code ?? ProblemCodes.TargetRefused, $"{targetType} refused receipt {posting.ReceiptNumber}: {x.Message}", at, "receipt_number", x.InvalidValue ?? posting.ReceiptNumber))];
    }
}
