using System.Globalization;
using Connector.Mapping.CashApplication;

namespace Connector.Mapping.Tests.CashApplication;

/// <summary>Scores results against the known answers: automatic rate by payment and by expected application, and every wrong application.</summary>
internal sealed class CashScore
{
    private readonly Dictionary<string, (int Total, int Auto)> _byKind = [];

    public List<string> Wrong { get; } = [];

    public int Automatable { get; private set; }

    public int AutoApplied { get; private set; }

    public int ExpectedLines { get; private set; }

    public int AppliedLines { get; private set; }

    public int ToRefuse { get; private set; }

    public int RefusedCorrectly { get; private set; }

    public double PaymentRate => Automatable == 0 ? 0 : (double)AutoApplied / Automatable;

    public double LineRate => ExpectedLines == 0 ? 0 : (double)AppliedLines / ExpectedLines;

    public void Add(GeneratedPayment payment, CashApplicationResult result)
    {
        var expected = payment.Expected.ToHashSet();
        var made = result.Applications.Select(a => new ExpectedApplication(a.Item.Number, a.AmountApplied, a.DiscountTaken, a.Deduction)).ToList();
        foreach (var application in made.Where(a => !expected.Contains(a)))
        {
            Wrong.Add(string.Create(CultureInfo.InvariantCulture, $"{payment.Remittance.PaymentNumber} ({payment.Kind}): applied {application} but expected [{string.Join(", ", expected)}]; {result.Explanation}"));
        }

        var right = expected.Count > 0 && result.Outcome == ApplicationOutcome.FullyApplied && made.ToHashSet().SetEquals(expected) && result.OnAccount == payment.OnAccount;
        if (expected.Count == 0)
        {
            ToRefuse++;
            RefusedCorrectly += made.Count == 0 ? 1 : 0;
        }
        else
        {
            Automatable++;
            AutoApplied += right ? 1 : 0;
            ExpectedLines += expected.Count;
            AppliedLines += made.Count(expected.Contains);
        }

        var (total, auto) = _byKind.GetValueOrDefault(payment.Kind);
        _byKind[payment.Kind] = (total + 1, auto + (right || (expected.Count == 0 && made.Count == 0) ? 1 : 0));
        if (!right && expected.Count > 0 && Misses.Count < 25)
        {
            Misses.Add(string.Create(CultureInfo.InvariantCulture, $"{payment.Remittance.PaymentNumber} ({payment.Kind}) {payment.Remittance.Amount} text \"{payment.Remittance.FreeText}\" lines [{string.Join(", ", payment.Remittance.Lines.Select(l => l.Reference))}]: {result.Explanation}"));
        }
    }

    public List<string> Misses { get; } = [];

    /// <summary>The figures as lines of text (a test's output, the benchmark's console).</summary>
    public IEnumerable<string> Lines(TimeSpan elapsed)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"payments applied automatically and rightly: {AutoApplied} of {Automatable} = {PaymentRate:P2}");
        yield return string.Create(CultureInfo.InvariantCulture, $"expected applications made: {AppliedLines} of {ExpectedLines} = {LineRate:P2}");
        yield return string.Create(CultureInfo.InvariantCulture, $"payments that must not be applied, left to the operator: {RefusedCorrectly} of {ToRefuse}");
        yield return string.Create(CultureInfo.InvariantCulture, $"wrong applications: {Wrong.Count}; time: {elapsed.TotalMilliseconds:0} ms");
        foreach (var (kind, (total, auto)) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {kind,-20} {auto,5} / {total,-5} right");
        }

        foreach (var wrong in Wrong.Take(20))
        {
            yield return "WRONG " + wrong;
        }

        foreach (var miss in Misses)
        {
            yield return "MISS " + miss;
        }
    }

    /// <summary>Applications made automatically, payments by kind (for the benchmark's table).</summary>
    public IReadOnlyDictionary<string, (int Total, int Auto)> ByKind => _byKind;
}
