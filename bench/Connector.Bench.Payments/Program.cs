using System.Diagnostics;
using System.Globalization;
using Connector.Bench.Payments;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Tests.CashApplication;
using Spectre.Console;

// Cash application at the issue's scale, then the bank file readers' throughput. Prints figures; asserts nothing.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
}

AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}[/]");
var matching = new Table().Title("[bold]Cash application[/]").AddColumns("Book", "Payments", "Build book", "Apply", "Payments/s", "Allocated", "Peak working set", "Payment rate", "Line rate", "Wrong");
foreach (var (customers, items, payments, seed) in new[] { (500, 5_000, 2_000, 20261126), (800, 200_000, 10_000, 7) })
{
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]generating {items:N0} open items and {payments:N0} payments...[/]");
    var generator = new BookGenerator(seed, customers, items);
    var generated = generator.Payments(payments);
    var matcher = CustomerMatcher.Build(generator.Customers, generator.Aliases, new MatchingOptions());
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var book = OpenItemBook.Build(generator.Items);
    var built = watch.Elapsed;
    var engine = new CashApplicationEngine(new CashApplicationOptions());
    var score = new CashScore();
    foreach (var payment in generated)
    {
        score.Add(payment, engine.Apply(payment.Remittance, book, matcher));
    }

    var applied = watch.Elapsed - built;
    var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    using var process = Process.GetCurrentProcess();
    matching.AddRow(
        $"{items:N0} items, {customers} customers",
        generated.Count.ToString("N0", CultureInfo.InvariantCulture),
        $"{built.TotalSeconds:0.00} s",
        $"{applied.TotalSeconds:0.00} s",
        (generated.Count / applied.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
        $"{bytes / 1048576.0:N0} MB",
        $"{process.PeakWorkingSet64 / 1048576.0:N0} MB",
        score.PaymentRate.ToString("P2", CultureInfo.InvariantCulture),
        score.LineRate.ToString("P2", CultureInfo.InvariantCulture),
        score.Wrong.Count == 0 ? "[green]0[/]" : $"[red]{score.Wrong.Count}[/]");
}

AnsiConsole.Write(matching);

var readers = new Table().Title("[bold]Bank file readers (generated files, read whole, control totals checked)[/]").AddColumns("Format", "File", "Payments", "Read", "MB/s", "Payments/s");
var random = new Random(11);
foreach (var (name, format, content) in new[]
{
    ("BAI2", BankFileFormat.Bai2, BankFiles.Bai2(100_000, random)),
    ("camt.053.001.08", BankFileFormat.Camt, BankFiles.Camt053(20_000, random)),
    ("CFONB 120", BankFileFormat.Cfonb120, BankFiles.Cfonb120(100_000, random)),
})
{
    var count = 0;
    var rounds = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromSeconds(3) || rounds < 2)
    {
        using var stream = new MemoryStream(content, writable: false);
        var context = new DocumentReadContext(name, new ReaderLimits(MaxEInvoiceBytes: 512L * 1024 * 1024));
        var read = BankFileReader.Read(stream, format, "BENCH", context);
        if (context.Failed)
        {
            throw new InvalidOperationException($"The generated {name} file was refused: {string.Join("; ", context.Problems)}");
        }

        count += read.Count;
        rounds++;
    }

    var seconds = watch.Elapsed.TotalSeconds;
    readers.AddRow(
        name,
        $"{content.Length / 1048576.0:0.0} MB",
        (count / rounds).ToString("N0", CultureInfo.InvariantCulture),
        $"{seconds / rounds:0.000} s",
        (content.Length * (double)rounds / 1048576.0 / seconds).ToString("0.0", CultureInfo.InvariantCulture),
        (count / seconds).ToString("N0", CultureInfo.InvariantCulture));
}

AnsiConsole.Write(readers);
