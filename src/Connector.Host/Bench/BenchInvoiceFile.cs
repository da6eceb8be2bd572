using System.Globalization;
using System.Text;

namespace Connector.Host.Bench;

/// <summary>What the generator put into the invoice file, trouble included.</summary>
internal sealed record BenchFileFacts(long Lines, int Invoices, long Bytes, IReadOnlyDictionary<string, int> References, IReadOnlyDictionary<string, int> Trouble);

/// <summary>
/// Writes the bench's invoice file in the French sample format, streaming: one row per invoice line with the header
/// values repeated, ';', windows-1252, "1 234,56", dd/MM/yyyy. Customers are referenced mostly by account number,
/// some by VAT id only, some by name only (with small variations); about 3% of invoices carry realistic trouble
/// (unknown customer, future date, wrong arithmetic, resent or conflicting numbers, unknown currency, ...).
/// </summary>
internal sealed class BenchInvoiceFile
{
    public const string Header = "Type;N° facture;Date facture;Échéance;Code client;Raison sociale;N° TVA intracom.;Devise;Conditions de paiement;Réf. commande;Facture d'origine;Ligne;Article;Désignation;Qté;Unité;PU HT;Montant HT;Code TVA;Taux TVA;Montant TVA;Total HT;Total TVA;Total TTC";

    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NumberGroupSizes = [3] };
    private static readonly (string Label, string Terms, int Days)[] Terms = [("30 jours net", "30", 30), ("45 jours fin de mois", "45", 45), ("60 jours", "60", 60), ("Comptant", "0", 0)];
    private static readonly (string Code, decimal Rate, string Text)[] Taxes = [("TVA20", 20m, "20 %"), ("TVA10", 10m, "10 %"), ("TVA55", 5.5m, "5,5 %"), ("EXO", 0m, "0 %")];

    private readonly IReadOnlyList<BenchCustomer> _customers;
    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly Queue<List<string>> _recent = new();
    private readonly Dictionary<string, int> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _trouble = new(StringComparer.Ordinal);
    private readonly StringBuilder _row = new(512);

    public BenchInvoiceFile(IReadOnlyList<BenchCustomer> customers, Random random, DateOnly today)
    {
        _customers = customers;
        _random = random;
        _today = today;
    }

    public BenchFileFacts Write(string path, long lines, int linesPerInvoice)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        long written = 0;
        var invoices = 0;
        using (var writer = new StreamWriter(path, append: false, Encoding.GetEncoding(1252), 1 << 20))
        {
            writer.Write(Header);
            writer.Write("\r\n");
            while (written < lines)
            {
                invoices++;
                var rows = NextInvoice(invoices, (int)Math.Min(linesPerInvoice, lines - written));
                foreach (var row in rows)
                {
                    writer.Write(row);
                    writer.Write("\r\n");
                }

                written += rows.Count;
            }
        }

        return new BenchFileFacts(written, invoices, new FileInfo(path).Length, _references, _trouble);
    }

    private List<string> NextInvoice(int sequence, int lineCount)
    {
        var trouble = _random.NextDouble() < 0.03 ? (Trouble)_random.Next(9) : Trouble.None;
        if (trouble is Trouble.Resend or Trouble.Conflict && _recent.Count > 1)
        {
            // Never the invoice just written: consecutive rows with one number are one invoice (ADR 0004).
            Count(_trouble, trouble.ToString());
            var earlier = _recent.ElementAt(_random.Next(_recent.Count - 1));
            var copy = earlier.Take(lineCount).ToList();
            if (trouble == Trouble.Conflict)
            {
                // The same number again with another purchase order: a different invoice under a number already used.
                copy = [.. copy.Select(r => r.Replace(";BC-", ";BC-9", StringComparison.Ordinal))];
            }

            return copy;
        }

        if (trouble is Trouble.Resend or Trouble.Conflict)
        {
            trouble = Trouble.None;
        }

        var rows = Invoice(sequence, lineCount, trouble);
        if (trouble != Trouble.None)
        {
            Count(_trouble, trouble.ToString());
        }

        _recent.Enqueue(rows);
        if (_recent.Count > 64)
        {
            _recent.Dequeue();
        }

        return rows;
    }

    private List<string> Invoice(int sequence, int lineCount, Trouble trouble)
    {
        var customer = _customers[_random.Next(_customers.Count)];
        var credit = _random.NextDouble() < 0.03 && sequence > 10;
        var number = string.Create(CultureInfo.InvariantCulture, $"{(credit ? "A" : "F")}26-{sequence:D7}");
        var issued = trouble switch
        {
            Trouble.FutureDate => _today.AddDays(20 + _random.Next(30)),
            _ => _today.AddDays(-_random.Next(60)),
        };
        var terms = Terms[_random.Next(Terms.Length)];
        var (account, name, vat) = Reference(customer, trouble);
        var currency = trouble == Trouble.UnknownCurrency ? "FRF" : _random.Next(10) == 0 ? "€" : "EUR";
        var order = string.Create(CultureInfo.InvariantCulture, $"BC-{_random.Next(10_000, 99_999)}");
        var original = credit ? string.Create(CultureInfo.InvariantCulture, $"F26-{_random.Next(1, sequence):D7}") : string.Empty;
        var issueText = trouble == Trouble.BadDate ? "31/02/2026" : Date(issued);

        var lines = new (int Qty, (string Code, string Description, string Unit, decimal Price) Article, decimal Amount, (string Code, decimal Rate, string Text) Tax, decimal TaxAmount)[lineCount];
        decimal net = 0, tax = 0;
        var vatCode = Taxes[_random.NextDouble() < 0.9 ? 0 : _random.Next(Taxes.Length)];
        for (var i = 0; i < lineCount; i++)
        {
            var article = BenchCustomers.Pick(_random, BenchNames.Articles);
            var qty = article.Unit == "h" ? _random.Next(1, 16) : _random.Next(1, 48);
            var amount = qty * article.Price;
            var taxAmount = Math.Round(amount * vatCode.Rate / 100m, 2, MidpointRounding.AwayFromZero);
            lines[i] = (qty, article, amount, vatCode, taxAmount);
            net += amount;
            tax += taxAmount;
        }

        if (trouble == Trouble.LineArithmetic)
        {
            lines[0].Amount += 10m;
            net += 10m;
        }

        var declaredNet = trouble == Trouble.TotalMismatch ? net + 100m : net;
        var rows = new List<string>(lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            var l = lines[i];
            var row = _row.Clear();
            row.Append(credit ? "AV" : "FA").Append(';').Append(number).Append(';').Append(issueText).Append(';')
                .Append(Date(issued.AddDays(terms.Days))).Append(';').Append(account).Append(';').Append(name).Append(';')
                .Append(vat).Append(';').Append(currency).Append(';').Append(terms.Label).Append(';').Append(order).Append(';')
                .Append(original).Append(';').Append(i + 1).Append(';').Append(l.Article.Code).Append(';')
                .Append(l.Article.Description).Append(';');
            if (trouble != Trouble.MissingQuantity || i != 0)
            {
                row.Append(l.Qty);
            }

            row.Append(';').Append(l.Article.Unit).Append(';').Append(Amount(l.Article.Price)).Append(';').Append(Amount(l.Amount)).Append(';')
                .Append(l.Tax.Code).Append(';').Append(l.Tax.Text).Append(';').Append(Amount(l.TaxAmount)).Append(';')
                .Append(Amount(declaredNet)).Append(';').Append(Amount(tax)).Append(';').Append(Amount(declaredNet + tax));
            rows.Add(row.ToString());
        }

        return rows;
    }

    private (string Account, string Name, string Vat) Reference(BenchCustomer customer, Trouble trouble)
    {
        if (trouble == Trouble.UnknownCustomer)
        {
            Count(_references, "unknown account");
            return (string.Create(CultureInfo.InvariantCulture, $"C9{_random.Next(10_000, 99_999)}"), $"Nouveau Client {BenchCustomers.Pick(_random, BenchNames.Surnames)} SARL", string.Empty);
        }

        var r = _random.NextDouble();
        if (r < 0.85)
        {
            Count(_references, "account number");
            return (customer.Account, customer.Name, customer.Vat);
        }

        if (r < 0.93)
        {
            Count(_references, "VAT id only");
            return (string.Empty, string.Empty, customer.Vat);
        }

        Count(_references, "name only");
        return (string.Empty, Vary(customer.Name), string.Empty);
    }

    /// <summary>A small variation of a name as billing clerks type it.</summary>
    private string Vary(string name) => _random.Next(6) switch
    {
        0 => name.ToUpperInvariant(),
        1 => WithoutAccents(name),
        2 => name.Replace(" ", "  ", StringComparison.Ordinal),
        3 => name.Replace("Ets ", "Établissements ", StringComparison.Ordinal),
        4 => name.Replace(" & ", " et ", StringComparison.Ordinal),
        _ => name,
    };

    private static string WithoutAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("N2", French);

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private enum Trouble
    {
        None = -1,
        UnknownCustomer,
        FutureDate,
        LineArithmetic,
        TotalMismatch,
        Resend,
        Conflict,
        UnknownCurrency,
        MissingQuantity,
        BadDate,
    }
}
