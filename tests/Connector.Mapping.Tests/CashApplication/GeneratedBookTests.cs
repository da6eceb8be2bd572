using System.Diagnostics;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Xunit.Abstractions;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class GeneratedBookTests(ITestOutputHelper output)
{
    [Fact]
    public void Apply_GeneratedBookOf5000InvoicesAnd2000Payments_ReachesTheRateWithNoWrongApplication()
    {
        var generator = new BookGenerator(seed: 20261126, customers: 500, items: 5000);
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
        score.Report(output, watch.Elapsed);
        payments.Count.ShouldBeGreaterThanOrEqualTo(1990);
        score.Wrong.ShouldBeEmpty();
        score.PaymentRate.ShouldBeGreaterThanOrEqualTo(0.90);
        score.LineRate.ShouldBeGreaterThanOrEqualTo(0.90);
        score.RefusedCorrectly.ShouldBe(score.ToRefuse);
    }
}
