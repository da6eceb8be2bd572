using System.Globalization;
using System.Text;

namespace Connector.Host.Bench;

/// <summary>One generated customer of the bench's master data.</summary>
internal sealed record BenchCustomer(string Account, string Name, string Vat, string Status, string Town);

/// <summary>
/// Generates the bench's customer master: distinct realistic-looking French company names, French VAT ids with
/// correct keys (FR + key + SIREN), about 1% inactive and 1% on credit hold. Deterministic for a seed.
/// </summary>
internal static class BenchCustomers
{
    public static List<BenchCustomer> Generate(int count, Random random)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sirens = new HashSet<int>();
        var customers = new List<BenchCustomer>(count);
        for (var i = 0; i < count; i++)
        {
            var town = Pick(random, BenchNames.Towns);
            string name;
            do
            {
                name = CompanyName(random, town);
            }
            while (!names.Add(name));

            int siren;
            do
            {
                siren = random.Next(300_000_000, 999_999_999);
            }
            while (!sirens.Add(siren));

            var status = random.NextDouble() switch
            {
                < 0.01 => "inactive",
                < 0.02 => "credit_hold",
                _ => "active",
            };
            customers.Add(new BenchCustomer(Account(i), name, FrenchVat(siren), status, town));
        }

        return customers;
    }

    public static string Account(int index) => string.Create(CultureInfo.InvariantCulture, $"C{100_000 + index:D6}");

    /// <summary>The French VAT id of a SIREN: FR, the key (12 + 3 × (SIREN mod 97)) mod 97 on two digits, the SIREN.</summary>
    public static string FrenchVat(int siren)
    {
        var key = (12 + (3 * (siren % 97))) % 97;
        return string.Create(CultureInfo.InvariantCulture, $"FR{key:D2}{siren:D9}");
    }

    public static void Write(string path, IReadOnlyList<BenchCustomer> customers, Random random)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address\n");
        foreach (var c in customers)
        {
            var number = random.Next(1, 180).ToString(CultureInfo.InvariantCulture);
            var street = $"{Pick(random, BenchNames.Streets)} {Pick(random, BenchNames.Surnames)}";
            var postcode = random.Next(1000, 74999).ToString("D5", CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{c.Account},{c.Name},,{c.Vat},{c.Status},EUR,{c.Account}-BT1,{number} {street} {postcode} {c.Town}\n"));
        }
    }

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string CompanyName(Random random, string town)
    {
        var trade = Pick(random, BenchNames.Trades);
        var surname = Pick(random, BenchNames.Surnames);
        var form = Pick(random, BenchNames.LegalForms);
        return random.Next(4) switch
        {
            0 => $"{trade} {surname}{Pick(random, BenchNames.Suffixes)} {form}",
            1 => $"{surname} {trade} {town} {form}",
            2 => $"Ets {surname}{Pick(random, BenchNames.Suffixes)} {trade} {town}",
            _ => $"{trade} du {town} {surname} {form}",
        };
    }
}
