using System.Globalization;
using Connector.Host.Store;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Host.Pipeline;

/// <summary>What a correction did: the payment as it now stands, and the checks that still fail.</summary>
internal sealed record ScanCorrectionResult(RemittanceInfo Payment, IReadOnlyList<OcrCheck> StillFailing);

/// <summary>
/// An operator corrects fields of a scanned cheque or stub that a check stopped (by the names the failed checks give:
/// AmountInWords, Row 2 Net, Total Net...). The readings take the corrected values, every check runs again, and: with
/// no error left the payment goes to cash application like a freshly read one (Applied, and posted by the next run,
/// when it applies in full); else it keeps waiting with the checks that still fail. The correction is in the
/// payment's history and its text; what was read stays beside it.
/// </summary>
internal sealed class ScanCorrector(IConnectorStore store, TimeProvider clock)
{
    private static readonly RemittanceState[] Correctable = [RemittanceState.Unapplied, RemittanceState.PartlyApplied, RemittanceState.Advice];

    public ScanCorrectionResult Correct(EntityRuntime entity, long remittanceId, IReadOnlyList<(string Field, string Value)> corrections, IReadOnlyList<OpenItem> openItems, string actor)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        if (corrections.Count == 0)
        {
            throw new ArgumentException("Name a field and its value (--field NAME --value VALUE).");
        }

        var payment = store.GetRemittance(remittanceId) ?? throw new ArgumentException($"There is no payment {remittanceId}.");
        if (payment.Entity != entity.Code)
        {
            throw new ArgumentException($"Payment {remittanceId} is {payment.Entity}'s, not {entity.Code}'s.");
        }

        var readings = store.ScanOf(remittanceId) ?? throw new ArgumentException($"Payment {remittanceId} was not read from a scan: there is nothing to correct (payments resolve decides where its money goes).");
        if (!Correctable.Contains(payment.State))
        {
            throw new ArgumentException($"Payment {remittanceId} is {payment.State}: only a payment that waits (Unapplied, PartlyApplied, Advice) can be corrected.");
        }

        foreach (var (field, value) in corrections)
        {
            if (!ScanCorrection.TryApply(readings, field, value, actor, out readings, out var error))
            {
                throw new ArgumentException($"{field}: {error}.");
            }
        }

        var trust = new ChequeTrustOptions(Profile(entity, payment)?.Scan.ConfidenceFloor ?? ChequeTrustOptions.Default.ConfidenceFloor);
        var scanned = ScannedPayment.From(readings, trust, [entity.Definition.Name]);
        var remittance = scanned.Mapped.Remittance.Currency is null ? scanned.Mapped.Remittance with { Currency = entity.Definition.Currency } : scanned.Mapped.Remittance;
        var said = string.Join(", ", corrections.Select(c => $"{c.Field} = {c.Value}"));
        var errors = scanned.Checks.Where(c => c.Severity == ProblemSeverity.Error).ToList();
        RemittanceMove move;
        if (errors.Count > 0)
        {
            move = new RemittanceMove(payment.Id, payment.State, RemittanceState.Unapplied, $"corrected by {actor} ({said}); still waits: {errors[0].Message}", actor)
            {
                Problems = scanned.Mapped.Problems,
                Corrected = (remittance, readings),
                Decision = new RemittanceDecision(payment.PayerAccount, [], 0m, 0m, remittance.Amount),
            };
        }
        else if (remittance.AdviceOnly)
        {
            move = new RemittanceMove(payment.Id, payment.State, RemittanceState.Advice, $"corrected by {actor} ({said}): a stub without its cheque, it waits for the money it describes", actor)
            {
                Problems = scanned.Mapped.Problems,
                Corrected = (remittance, readings),
                Decision = new RemittanceDecision(payment.PayerAccount, [], 0m, 0m, 0m),
            };
        }
        else
        {
            var book = OpenItemBook.Build(openItems);
            var result = new CashApplicationEngine(entity.Definition.CashApplication).Apply(remittance, book, entity.Matcher);
            var to = result.Outcome switch
            {
                ApplicationOutcome.FullyApplied => RemittanceState.Applied,
                ApplicationOutcome.PartlyApplied => RemittanceState.PartlyApplied,
                _ => RemittanceState.Unapplied,
            };
            move = new RemittanceMove(payment.Id, payment.State, to, $"corrected by {actor} ({said}); {(to == RemittanceState.Applied ? "applied automatically" : "waits for an operator")}: {result.Explanation}", actor)
            {
                Problems = scanned.Mapped.Problems,
                Corrected = (remittance, readings),
                Decision = new RemittanceDecision(result.PayerAccount, RemittanceProcessor.Stored(result), result.Applied, result.OnAccount, result.Unapplied),
            };
        }

        if (!store.MoveRemittance(move, clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"Payment {remittanceId} changed while it was being corrected; look at it again.");
        }

        return new ScanCorrectionResult(store.GetRemittance(payment.Id)!, errors);
    }

    private MappingProfile? Profile(EntityRuntime entity, RemittanceInfo payment)
        => store.GetDocument(payment.DocumentId)?.Profile is { } name
            ? entity.Profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>The region of a failed field, as the operator is told it.</summary>
    internal static string Region(OcrBox region)
        => string.Create(CultureInfo.InvariantCulture, $"x={region.Left} y={region.Top} w={region.Width} h={region.Height}");
}
