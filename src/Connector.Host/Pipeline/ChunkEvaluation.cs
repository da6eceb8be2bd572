using Connector.Mapping.Reading;

namespace Connector.Host.Pipeline;

/// <summary>
/// Evaluates a chunk of invoices of one document on every core while keeping document order where order matters:
/// content hashes and match + validation (pure, thread-safe) run in parallel; duplicate verdicts, which depend on the
/// invoices before, are decided one after the other in document order in between.
/// </summary>
internal static class ChunkEvaluation
{
    /// <summary>The hash of each invoice, in order.</summary>
    public static string[] Hashes(IReadOnlyList<MappedInvoice> invoices)
    {
        var hashes = new string[invoices.Count];
        Parallel.For(0, invoices.Count, i => hashes[i] = RecordEvaluator.ContentHash(invoices[i].Invoice));
        return hashes;
    }

    /// <summary>
    /// Evaluates the invoices whose verdict is not null (the others are left null), in parallel; verdicts must have
    /// been decided in document order before.
    /// </summary>
    public static RecordEvaluation?[] Evaluate(EntityRuntime entity, IReadOnlyList<MappedInvoice> invoices, IReadOnlyList<DuplicateVerdict?> verdicts, IReadOnlyList<string> hashes)
    {
        var evaluations = new RecordEvaluation?[invoices.Count];
        Parallel.For(0, invoices.Count, i =>
        {
            if (verdicts[i] is { } verdict)
            {
                evaluations[i] = RecordEvaluator.Evaluate(entity, invoices[i].Invoice, invoices[i].Problems, verdict, contentHash: hashes[i]);
            }
        });
        return evaluations;
    }
}
