using System.Diagnostics;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Xunit.Abstractions;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class GeneratedBookTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(20261126)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Apply_GeneratedBookOf5000InvoicesAnd2000Payments_ReachesTheRateWithNoWrongApplication(int seed)
    {
        var generator = new BookGenerator(seed, customers: 500, items: 5000);
        var payments = generator.Payments(2000);
        var book = OpenItemBook.Build(generator.Items);
        var matcher = CustomerMatcher.Build(generator.Customers, generator.Aliases, new MatchingOptions());
        var engine = new CashApplicationEngine(new CashApplicationOptions());

        var watch = Stopwatch.StartNew();
        var score = new CashScore();
        foreach (var payment in payments)
        {
            score.Add(payment, engine.Apply(payment.Remittance, book, matcher));
        }

        watch.Stop();
        foreach (var line in score.Lines(watch.Elapsed))
        {
            output.WriteLine(line);
        }

        payments.Count.ShouldBeGreaterThanOrEqualTo(1990);
        score.Wrong.ShouldBeEmpty();
        score.PaymentRate.ShouldBeGreaterThanOrEqualTo(0.94);
        score.LineRate.ShouldBeGreaterThanOrEqualTo(0.93);
        score.RefusedCorrectly.ShouldBe(score.ToRefuse);
    }

    [Fact]
    public void Apply_TenThousandPaymentsAgainst200000OpenItems_StaysRight()
    {
        var generator = new BookGenerator(seed: 7, customers: 800, items: 200_000);
        var payments = generator.Payments(10_000);
        var watch = Stopwatch.StartNew();
        var book = OpenItemBook.Build(generator.Items);
        var built = watch.Elapsed;
        var matcher = CustomerMatcher.Build(generator.Customers, generator.Aliases, new MatchingOptions());
        var engine = new CashApplicationEngine(new CashApplicationOptions());

        var score = new CashScore();
        foreach (var payment in payments)
        {
            score.Add(payment, engine.Apply(payment.Remittance, book, matcher));
        }

        watch.Stop();
        output.WriteLine($"book of {book.Count} items built in {built.TotalMilliseconds:0} ms");
        foreach (var line in score.Lines(watch.Elapsed))
        {
            output.WriteLine(line);
        }

        score.Wrong.ShouldBeEmpty();
        score.PaymentRate.ShouldBeGreaterThanOrEqualTo(0.90);
    }
}
