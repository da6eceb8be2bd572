using System.Globalization;
using Connector.Mapping.Model;

namespace Connector.Mapping.Tests.CashApplication;

/// <summary>One application the generated answer expects: the item, what is applied, the discount and the deduction.</summary>
internal sealed record ExpectedApplication(string Number, decimal Applied, decimal Discount, decimal Deduction);

/// <summary>A generated payment with its known answer (no expected application: it must not be applied automatically).</summary>
internal sealed record GeneratedPayment(Remittance Remittance, string Kind, IReadOnlyList<ExpectedApplication> Expected, decimal OnAccount);

/// <summary>
/// A seeded book of customers (with bank accounts, some learned as aliases) and open invoices numbered like real
/// entities (F26-004512, INV-0012345; sequential, so a mistyped number is often another real invoice), amounts with
/// cents, a third on 2/10 NET 30 terms, and some customers billed the same amount every month.
/// </summary>
internal sealed partial class BookGenerator
{
    public static readonly DateOnly RunDay = new(2026, 11, 20);

    private static readonly string[] First =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay",
        "Dunder", "Gringotts", "Oceanic", "Monarch", "Nakatomi", "Piedmont", "Sterling", "Prestige", "Aperture", "Mesa", "Bluesun",
        "Duff", "Gekko", "Krusty", "Pollos", "Ollivander", "Rekall", "Sirius", "Spacely", "Virtucon", "Weyland", "Yoyodyne", "Zorg",
        "Bluth", "Cogswell", "Fenwick", "Hartmann", "Lefebvre",
    ];

    private static readonly string[] Second =
    [
        "Logistics", "Distribution", "Foods", "Industries", "Systems", "Trading", "Pharma", "Textiles", "Robotics", "Retail",
        "Energy", "Components", "Packaging", "Furniture", "Chemicals", "Media", "Motors", "Optics", "Paper", "Tools",
    ];

    private static readonly string[] Suffix = ["SAS", "GmbH", "Ltd", "Inc", "SARL", "AG", "BV", "SpA", "SA", "LLC"];

    private readonly Random _random;
    private readonly List<Customer> _customers = [];
    private readonly Dictionary<string, string> _iban = [];
    private readonly HashSet<string> _learned = [];
    private readonly List<OpenItem> _items = [];
    private readonly Dictionary<string, List<OpenItem>> _byCustomer = [];
    private readonly HashSet<string> _used = [];
    private int _f26 = 4000;
    private int _inv = 12000;

    public BookGenerator(int seed, int customers, int items)
    {
        _random = new Random(seed);
        var pairs = First.SelectMany(f => Second.Select(s => (f, s))).OrderBy(_ => _random.Next()).Take(customers).ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            var account = string.Create(CultureInfo.InvariantCulture, $"C-{10000 + i}");
            var suffix = Suffix[_random.Next(Suffix.Length)];
            _customers.Add(new Customer { AccountNumber = account, Name = $"{pairs[i].f} {pairs[i].s} {suffix}", Currency = "EUR" });
            _iban[account] = "FR76" + string.Concat(Enumerable.Range(0, 23).Select(_ => (char)('0' + _random.Next(10))));
            if (_random.NextDouble() < 0.3)
            {
                _learned.Add(account);
            }

            _byCustomer[account] = [];
        }

        while (_items.Count < items)
        {
            AddInvoices(_customers[Zipf(_customers.Count)]);
        }
    }

    public IReadOnlyList<Customer> Customers => _customers;

    public IReadOnlyList<OpenItem> Items => _items;

    public IEnumerable<CustomerAlias> Aliases => _learned.Select(a => new CustomerAlias(_iban[a], a));

    private void AddInvoices(Customer customer)
    {
        var recurring = _random.NextDouble() < 0.1;
        var count = recurring ? 3 : 1;
        var amount = Amount();
        for (var k = 0; k < count; k++)
        {
            var discount = _random.NextDouble() < 0.33;
            var date = RunDay.AddDays(-_random.Next(5, 95));
            var item = new OpenItem
            {
                EntityCode = "GEN",
                Number = NextNumber(),
                CustomerAccount = customer.AccountNumber,
                CustomerName = customer.Name,
                Currency = "EUR",
                InvoiceDate = date,
                DueDate = date.AddDays(30),
                OriginalAmount = recurring ? amount : Amount(),
                PaymentTerms = discount ? "2/10 NET 30" : "30 NET",
                DiscountPercent = discount ? 2m : null,
                DiscountDays = discount ? 10 : null,
                OpenAmount = 0m,
            };
            item = item with { OpenAmount = item.OriginalAmount };
            _items.Add(item);
            _byCustomer[customer.AccountNumber].Add(item);
        }
    }

    private string NextNumber()
        => _random.NextDouble() < 0.6
            ? string.Create(CultureInfo.InvariantCulture, $"F26-{++_f26:000000}")
            : string.Create(CultureInfo.InvariantCulture, $"INV-{++_inv:0000000}");

    private decimal Amount() => decimal.Round((decimal)Math.Exp(3.5 + (_random.NextDouble() * 6.2)), 2);

    /// <summary>A customer index skewed so that a few customers have many invoices.</summary>
    private int Zipf(int n) => Math.Min(n - 1, (int)(n * Math.Pow(_random.NextDouble(), 1.6)));
}
