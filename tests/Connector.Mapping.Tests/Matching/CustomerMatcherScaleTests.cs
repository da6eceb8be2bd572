using System.Diagnostics;
using System.Globalization;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Xunit.Abstractions;
using static Connector.Mapping.Tests.Matching.MatcherFixtures;

namespace Connector.Mapping.Tests.Matching;

public sealed class CustomerMatcherScaleTests(ITestOutputHelper output)
{
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ter", "van", "bro", "zen", "dor", "pel", "qui", "ra", "sto", "nu", "gal", "fen", "hol",
        "tri", "mar", "bel", "cor", "dex", "ing", "ost", "wal", "ven", "sur", "pra", "lin", "tho", "gre",
    ];

    private static readonly string[] Sectors = ["Logistics", "Foods", "Textiles", "Energy", "Systems", "Pharma", "Motors", "Media"];

    private static readonly string[] LegalForms = ["SAS", "GmbH", "Ltd", "Inc.", "S.A.", "BV", "LLC", "SpA"];

    [Fact]
    public void Match_HundredThousandCustomers_FindsVariantsTyposAndTaxIds()
    {
        var random = new Random(20261125);
        var customers = Generate(100_000, random);
        var watch = Stopwatch.StartNew();
        var matcher = CustomerMatcher.Build(customers, [], new());
        var built = watch.Elapsed;
        matcher.Count.ShouldBe(100_000);

        watch.Restart();
        for (var q = 0; q < 300; q++)
        {
            var expected = customers[random.Next(customers.Count)];
            switch (q % 3)
            {
                case 0:
                    var renamed = NameOf(expected).ToUpperInvariant() + " " + LegalForms[q % LegalForms.Length];
                    var exact = matcher.Match(Ref(name: renamed));
                    exact.Outcome.ShouldBe(MatchOutcome.Matched, exact.Explanation);
                    exact.Customer.ShouldBe(expected, exact.Explanation);
                    break;
                case 1:
                    var typo = matcher.Match(Ref(account: "UNKNOWN", name: WithTypo(NameOf(expected), random)));
                    typo.Outcome.ShouldNotBe(MatchOutcome.NoMatch, typo.Explanation);
                    typo.Candidates[0].Customer.ShouldBe(expected, typo.Explanation);
                    break;
                default:
                    var siret = expected.TaxIds[0][4..] + "00012";
                    var byTaxId = matcher.Match(Ref(taxId: siret, name: "whatever"));
                    byTaxId.Customer.ShouldBe(expected, byTaxId.Explanation);
                    byTaxId.Rule.ShouldBe(MatchRules.TaxId);
                    break;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build {built.TotalMilliseconds:0} ms, 300 matches {watch.Elapsed.TotalMilliseconds:0} ms"));
    }

    private static List<Customer> Generate(int count, Random random)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal); // the same words in another order make the same name
        var customers = new List<Customer>(count);
        while (customers.Count < count)
        {
            var core = Word(random) + " " + Word(random) + " " + Sectors[random.Next(Sectors.Length)];
            if (!seen.Add(string.Join(' ', core.Split(' ').Order(StringComparer.Ordinal))))
            {
                continue;
            }

            var i = customers.Count;
            var siren = (100_000_000 + (i * 7)).ToString(CultureInfo.InvariantCulture);
            customers.Add(Customer($"C{i:D6}", core + " " + LegalForms[random.Next(LegalForms.Length)], [$"FR00{siren}"]));
        }

        return customers;
    }

    private static string NameOf(Customer customer) => customer.Name[..customer.Name.LastIndexOf(' ')];

    private static string Word(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    /// <summary>Drops one letter of the longest word of the name.</summary>
    private static string WithTypo(string name, Random random)
    {
        var words = name.Split(' ');
        var longest = words.OrderByDescending(w => w.Length).First();
        var at = 1 + random.Next(longest.Length - 1);
        var broken = longest.Remove(at, 1);
        return string.Join(' ', words.Select(w => w == longest ? broken : w));
    }
}
