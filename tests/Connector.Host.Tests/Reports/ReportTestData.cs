using Connector.Host.Reports;

namespace Connector.Host.Tests.Reports;

internal static class ReportTestData
{
    public const string Hostile = "=cmd|' /C calc'!A0";

    public static CurrencyTotals Eur(decimal pendingAmount = 250m) => new(
        "EUR",
        Source: new AmountCount(10, 12_345.67m),
        Exported: new AmountCount(7, 10_000m),
        Excepted: new AmountCount(2, 2_095.67m),
        Skipped: new AmountCount(0, 0m),
        Pending: new AmountCount(1, pendingAmount));

    public static CurrencyTotals Usd() => new(
        "USD",
        Source: new AmountCount(3, -1_500.5m),
        Exported: new AmountCount(2, -1_000m),
        Excepted: AmountCount.Zero,
        Skipped: new AmountCount(1, -500.5m),
        Pending: AmountCount.Zero);

    public static ReconciliationReport Report(IReadOnlyList<CurrencyTotals>? totals = null, string documentName = "factures-mars.csv",
        IReadOnlyList<string>? problems = null)
        => new(
            RunId: 42,
            EntityCode: "FR01",
            EntityName: "Dupont Distribution SAS",
            Trigger: "schedule",
            StartedAt: new DateTimeOffset(2026, 3, 17, 8, 30, 0, TimeSpan.FromHours(1)),
            FinishedAt: new DateTimeOffset(2026, 3, 17, 8, 32, 5, TimeSpan.FromHours(1)),
            Documents: [new ReportDocument(documentName, new string('a', 64), "Parsed", 13, problems ?? ["line 4: CUSTOMER_UNKNOWN: no customer 'X'"])],
            Counts: new RecordCounts(Read: 13, Exported: 9, Excepted: 2, Skipped: 1, Pending: 1),
            ExceptionsByCode: [new ExceptionCount("CUSTOMER_UNKNOWN", 2), new ExceptionCount("TOTAL_MISMATCH", 1)],
            Totals: totals ?? [Eur(), Usd()],
            Packages: ["FR01-20260317-0001.zip"]);
}
