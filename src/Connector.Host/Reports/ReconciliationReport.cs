namespace Connector.Host.Reports;

/// <summary>
/// The reconciliation report of one run: what came in (source control totals) against what became of it, per
/// currency, with the documents read, the exceptions by code and the packages written.
/// </summary>
internal sealed record ReconciliationReport(
    long RunId,
    string EntityCode,
    string EntityName,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ReportDocument> Documents,
    RecordCounts Counts,
    IReadOnlyList<ExceptionCount> ExceptionsByCode,
    IReadOnlyList<CurrencyTotals> Totals,
    IReadOnlyList<string> Packages)
{
    /// <summary>Every currency balances (an empty report balances trivially).</summary>
    public bool Balanced => Totals.All(t => t.Balanced);

    /// <summary>The records of the run that wait for a person, one by one.</summary>
    public IReadOnlyList<ReportSetAside> SetAside { get; init; } = [];

    /// <summary>
    /// Records read in earlier runs and exported by this one (fixed by an operator, or held back by the target before),
    /// per currency. They reconcile in the report of the run that read them; here they explain the packages written.
    /// </summary>
    public IReadOnlyList<CarriedTotal> ExportedFromEarlierRuns { get; init; } = [];

    /// <summary>The payments read from the run's bank documents (null when it read none).</summary>
    public PaymentReport? Payments { get; init; }
}

/// <summary>Count and amount of one currency exported by a run from records read in earlier runs.</summary>
internal sealed record CarriedTotal(string Currency, AmountCount Exported);

/// <summary>One record set aside: which invoice, where it came from, its amount, and why.</summary>
internal sealed record ReportSetAside(long RecordId, long? ExceptionId, string Number, string Document, int? Line, string Currency, decimal Amount, string Code, string Message);

/// <summary>One document the run read: its name, SHA-256, status, how many records it gave, and its problems.</summary>
internal sealed record ReportDocument(string Name, string Sha256, string Status, int Records, IReadOnlyList<string> Problems);

/// <summary>
/// Record counts of the run. <see cref="Pending"/>: read but neither exported nor excepted nor skipped yet (e.g.
/// waiting for the next export).
/// </summary>
internal sealed record RecordCounts(int Read, int Exported, int Excepted, int Skipped, int Pending)
{
    /// <summary>Of <see cref="Exported"/>, those the ERP confirmed with its own reference (the rest await confirmation or go to an outbox).</summary>
    public int Confirmed { get; init; }

    /// <summary>Read - (Exported + Excepted + Skipped + Pending): zero when every record is accounted for.</summary>
    public int Unaccounted => Read - (Exported + Excepted + Skipped + Pending);
}

/// <summary>How many records there are of one exception code.</summary>
internal sealed record ExceptionCount(string Code, int Count);

/// <summary>A number of records and their amount.</summary>
internal sealed record AmountCount(int Count, decimal Amount)
{
    public static AmountCount Zero { get; } = new(0, 0m);

    public static AmountCount operator +(AmountCount left, AmountCount right)
        => new(left.Count + right.Count, left.Amount + right.Amount);

    public static AmountCount operator -(AmountCount left, AmountCount right)
        => new(left.Count - right.Count, left.Amount - right.Amount);

    public bool IsZero => Count == 0 && Amount == 0m;
}

/// <summary>
/// The control totals of one currency: the source total must equal exported + excepted + skipped + pending, in
/// count and in amount.
/// </summary>
internal sealed record CurrencyTotals(
    string Currency,
    AmountCount Source,
    AmountCount Exported,
    AmountCount Excepted,
    AmountCount Skipped,
    AmountCount Pending)
{
    /// <summary>Source - (Exported + Excepted + Skipped + Pending).</summary>
    public AmountCount Difference => Source - (Exported + Excepted + Skipped + Pending);

    /// <summary>Nothing is missing and nothing counted twice, in count and amount.</summary>
    public bool Balanced => Difference.IsZero;
}
