using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.CashApplication;

/// <summary>The payments of the generated book, each of one kind with its known answer.</summary>
internal sealed partial class BookGenerator
{
    private static readonly (string Kind, double Share)[] Mix =
    [
        ("exact", 0.18), ("normalised", 0.12), ("ocr", 0.06), ("typo", 0.06), ("text", 0.12), ("no_reference", 0.10),
        ("several_lines", 0.05), ("several_text", 0.04), ("several_none", 0.03), ("discount_in", 0.05), ("discount_late", 0.02),
        ("short_in", 0.04), ("short_beyond", 0.02), ("over", 0.03), ("other_name_alias", 0.05), ("other_name_unknown", 0.02),
        ("not_in_book", 0.01),
    ];

    private static readonly string[] Surnames = ["MARTIN", "SCHMIDT", "ROSSI", "NOVAK", "JANSEN", "SILVA", "KOWALSKI", "DUBOIS", "LINDQVIST", "BERG"];

    private int _sequence;

    public List<GeneratedPayment> Payments(int count)
    {
        var payments = new List<GeneratedPayment>();
        foreach (var (kind, share) in Mix)
        {
            var n = (int)Math.Round(count * share);
            for (var i = 0; i < n && payments.Count < count; i++)
            {
                if (Generate(kind) is { } payment)
                {
                    payments.Add(payment);
                }
            }
        }

        return [.. payments.OrderBy(_ => _random.Next())];
    }

    private GeneratedPayment? Generate(string kind)
    {
        var several = kind.StartsWith("several", StringComparison.Ordinal);
        Func<OpenItem, bool> filter = kind.StartsWith("discount", StringComparison.Ordinal) ? i => i.DiscountPercent is not null : _ => true;
        var learned = kind == "other_name_alias" ? true : kind == "other_name_unknown" ? false : (bool?)null;
        var items = Pick(several ? _random.Next(2, 5) : 1, filter, learned);
        if (items is null)
        {
            return null;
        }

        var item = items[0];
        var open = item.OpenAmount;
        var paidOn = item.InvoiceDate!.Value.AddDays(kind switch { "discount_in" => _random.Next(0, 11), "discount_late" => _random.Next(13, 30), _ => _random.Next(11, 60) });
        var payer = Payer(item.CustomerAccount, kind.StartsWith("other_name", StringComparison.Ordinal));
        var discount = decimal.Round(open * 0.02m, 2, MidpointRounding.AwayFromZero);
        var tolerance = Math.Min(5m, decimal.Round(open * 0.01m, 2, MidpointRounding.AwayFromZero));
        var shortBy = Math.Max(0.01m, decimal.Round(tolerance * (decimal)_random.NextDouble(), 2));
        var excess = Math.Max(0.50m, decimal.Round(open * 0.08m * (decimal)_random.NextDouble(), 2));
        var full = items.Select(i => new ExpectedApplication(i.Number, i.OpenAmount, 0m, 0m)).ToList();
        return kind switch
        {
            "exact" => Pay(items, kind, open, paidOn, payer, full, lines: [Line(1, item.Number, open)]),
            "normalised" => Pay(items, kind, open, paidOn, payer, full, lines: [Line(1, Normalised(item.Number), open)]),
            "ocr" => Pay(items, kind, open, paidOn, payer, full, lines: [Line(1, Ocr(item.Number), open)]),
            "typo" => Pay(items, kind, open, paidOn, payer, full, lines: [Line(1, TypoNotTwin(item), open)]),
            "text" => Pay(items, kind, open, paidOn, payer, full, text: Text(payer, _random.NextDouble() < 0.5 ? item.Number : Normalised(item.Number), paidOn)),
            "no_reference" => Pay(items, kind, open, paidOn, payer, full, text: NoReferenceText(payer)),
            "several_lines" => Pay(items, kind, items.Sum(i => i.OpenAmount), paidOn, payer, full, lines: [.. items.Select((i, k) => Line(k + 1, i.Number, i.OpenAmount))]),
            "several_text" => Pay(items, kind, items.Sum(i => i.OpenAmount), paidOn, payer, full, text: Text(payer, string.Join(" ", items.Select(i => Normalised(i.Number))), paidOn)),
            "several_none" => Pay(items, kind, items.Sum(i => i.OpenAmount), paidOn, payer, full, text: NoReferenceText(payer)),
            "discount_in" => Pay(items, kind, open - discount, paidOn, payer, [new(item.Number, open - discount, discount, 0m)],
                lines: _random.NextDouble() < 0.5 ? [Line(1, item.Number, open - discount) with { DiscountTaken = discount }] : [], text: Text(payer, item.Number, paidOn)),
            "discount_late" => Pay(items, kind, open - discount, paidOn, payer, [], lines: [Line(1, item.Number, open - discount) with { DiscountTaken = discount }]),
            "short_in" => Pay(items, kind, open - shortBy, paidOn, payer, [new(item.Number, open - shortBy, 0m, shortBy)], lines: [Line(1, item.Number, open - shortBy)]),
            "short_beyond" => Pay(items, kind, open - tolerance - 1m, paidOn, payer, [], lines: [Line(1, item.Number, open - tolerance - 1m)]),
            "over" => Pay(items, kind, open + excess, paidOn, payer, full, text: Text(payer, Normalised(item.Number), paidOn), onAccount: excess),
            "other_name_alias" => Pay(items, kind, open, paidOn, payer, full, text: _random.NextDouble() < 0.5 ? Text(payer, item.Number, paidOn) : NoReferenceText(payer)),
            "other_name_unknown" => Pay(items, kind, open, paidOn, payer, full, lines: [Line(1, item.Number, open)]),
            "not_in_book" => Pay([], kind, Amount(), paidOn, payer, [], lines: [Line(1, string.Create(CultureInfo.InvariantCulture, $"INV-{_random.Next(9_000_000, 9_999_999):0000000}"), null)]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private GeneratedPayment Pay(List<OpenItem> items, string kind, decimal amount, DateOnly paidOn, PayerReference payer, List<ExpectedApplication> expected,
        RemittanceLine[]? lines = null, string? text = null, decimal onAccount = 0m)
    {
        items.ForEach(i => _used.Add(i.Number));
        var remittance = new Remittance
        {
            EntityCode = "GEN",
            PaymentNumber = string.Create(CultureInfo.InvariantCulture, $"P{++_sequence:00000}"),
            Method = PaymentMethod.CreditTransfer,
            Amount = amount,
            Currency = "EUR",
            PaymentDate = paidOn,
            BookingDate = paidOn.AddDays(1),
            Payer = payer,
            FreeText = text,
            Lines = lines ?? [],
            Source = new SourceLocation("generated", _sequence),
        };
        return new GeneratedPayment(remittance, kind, expected, onAccount);
    }

    /// <summary>
    /// A typing error that does not turn the number into another open invoice of the same customer for the same amount
    /// (recurring billing): that remittance says the other invoice, and no one could tell them apart.
    /// </summary>
    private string TypoNotTwin(OpenItem item)
    {
        var twins = _byCustomer[item.CustomerAccount].Where(i => i.Number != item.Number && i.OpenAmount == item.OpenAmount).Select(i => i.Number).ToHashSet();
        var typo = Typo(item.Number);
        while (twins.Contains(typo))
        {
            typo = Typo(item.Number);
        }

        return typo;
    }

    private static RemittanceLine Line(int number, string reference, decimal? amount)
        => new() { LineNumber = number, Reference = reference, AmountPaid = amount, Kind = ReferenceKind.Unknown, Source = new SourceLocation("generated", number) };

    private List<OpenItem>? Pick(int count, Func<OpenItem, bool> filter, bool? learned)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var customer = _customers[_random.Next(_customers.Count)].AccountNumber;
            if (learned is { } l && _learned.Contains(customer) != l)
            {
                continue;
            }

            var free = _byCustomer[customer].Where(i => !_used.Contains(i.Number) && filter(i)).ToList();
            if (free.Count >= count)
            {
                return [.. free.OrderBy(_ => _random.Next()).Take(count)];
            }
        }

        return null;
    }

    private PayerReference Payer(string account, bool otherName)
    {
        var name = _customers.First(c => c.AccountNumber == account).Name;
        var written = otherName
            ? $"{Surnames[_random.Next(Surnames.Length)]} {Surnames[_random.Next(Surnames.Length)]} TREASURY SERVICES"
            : _random.Next(3) switch { 0 => name, 1 => name.ToUpperInvariant(), _ => name[..name.LastIndexOf(' ')].ToUpperInvariant() };
        return new PayerReference { Name = written, BankAccount = _iban[account] };
    }
}
