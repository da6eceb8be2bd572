using System.Globalization;
using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>
/// The planning of one payment's applications against the book: the rules, in order, record applications, what goes
/// on account, notes for the explanation and candidates for the operator. Nothing is taken from the book here; the
/// engine reserves the plan at the end.
/// </summary>
internal sealed partial class PaymentRun
{
    private readonly Remittance _remittance;
    private readonly OpenItemBook _book;
    private readonly CashApplicationOptions _options;
    private readonly string? _payer;
    private readonly Dictionary<int, decimal> _planned = [];
    private readonly List<ItemApplication> _applications = [];
    private readonly List<(int Index, int Score, string Reason)> _seeds = [];
    private readonly List<string> _notes = [];

    public PaymentRun(Remittance remittance, OpenItemBook book, CashApplicationOptions options, string? payer)
    {
        _remittance = remittance;
        _book = book;
        _options = options;
        _payer = payer;
        Finder = new ReferenceFinder(book, Available, remittance.Currency, payer);
        Settler = new Settler(book, Available, options, remittance.PaymentDate ?? remittance.BookingDate ?? remittance.ValueDate);
    }

    public IReadOnlyList<ItemApplication> Applications => _applications;

    public IReadOnlyList<(int Index, int Score, string Reason)> Seeds => _seeds;

    public IReadOnlyList<string> Notes => _notes;

    public decimal OnAccount { get; private set; }

    /// <summary>The payer's account: resolved, or taken from the items when the references name one customer.</summary>
    public string? InferredPayer { get; private set; }

    private ReferenceFinder Finder { get; }

    private Settler Settler { get; }

    public void Plan()
    {
        var lines = _remittance.Lines.Where(l => l.Kind != ReferenceKind.CustomerAccount).ToList();
        if (lines.Any(l => l.AmountPaid is not null))
        {
            ApplyLines(lines);
        }
        else
        {
            ApplyWhole(lines);
        }

        if (_applications.Sum(a => a.AmountApplied) + OnAccount > _remittance.Amount)
        {
            _notes.Add(Text($"the applications ({_applications.Sum(a => a.AmountApplied):0.00}) would exceed the payment {_remittance.Amount:0.00}: none is made"));
            foreach (var a in _applications)
            {
                _seeds.Add((a.ItemIndex, 80, a.Explanation));
            }

            _applications.Clear();
            _planned.Clear();
            OnAccount = 0m;
            InferredPayer = null;
        }
    }

    private decimal Available(int index) => _book.Available(index) - _planned.GetValueOrDefault(index);

    private bool IsOwn(int index) => ReferenceFinder.Same(_book[index].CustomerAccount, _payer ?? InferredPayer);

    private bool SameCurrency(int index)
        => _remittance.Currency is null || string.Equals(_book[index].Currency, _remittance.Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>What a rule may accept for an item: everything for the payer's own; for another customer's, the exact amount; for an unknown payer, the amount alone proves.</summary>
    private (Allowance Allow, string Note) Relation(int index)
    {
        var item = _book[index];
        if (_payer is null)
        {
            return (Allowance.Strict, Text($"; the payer is not identified, the customer {item.CustomerAccount} is taken from the item, so only an amount that settles it exactly is accepted"));
        }

        return IsOwn(index)
            ? (Allowance.All, string.Empty)
            : (Allowance.ExactOnly, Text($"; the item is customer {item.CustomerAccount}'s, not the payer {_payer}'s: applied only because the amount matches it exactly"));
    }

    private void Add(int index, Settlement settlement, string rule, string found, int? line)
    {
        _planned[index] = _planned.GetValueOrDefault(index) + settlement.Applied + settlement.Discount + settlement.Deduction;
        OnAccount += settlement.Excess;
        _applications.Add(new ItemApplication(_book[index], settlement.Applied, settlement.Discount, settlement.Deduction, settlement.Reason, rule,
            found + ": " + settlement.Note, line)
        { ItemIndex = index });
        if (_payer is null)
        {
            InferredPayer ??= _book[index].CustomerAccount;
        }
    }

    /// <summary>
    /// A settlement that is not exact (over or short) is doubted when another of the payer's open items is open for
    /// exactly the amount paid: the reference may be mistyped. Then an operator decides.
    /// </summary>
    private bool Doubted(int index, decimal amount, Settlement settled, string found, int? line)
    {
        if (settled.Excess == 0m && settled.Deduction == 0m)
        {
            return false;
        }

        var other = OwnOpenItems().FirstOrDefault(i => i != index && Available(i) == amount, -1);
        if (other < 0)
        {
            return false;
        }

        var at = line is null ? string.Empty : Text($"line {line}: ");
        _notes.Add(Text($"{at}{found}, but the payer's {Finder.Describe(other)} is open for exactly the {amount:0.00} paid: the reference may be mistyped"));
        Seed(index, 80, Text($"{at}{found}: {settled.Note}"));
        Seed(other, 80, Text($"{at}open for exactly the {amount:0.00} paid"));
        return true;
    }

    private void Seed(int index, int score, string reason) => _seeds.Add((index, score, reason));

    /// <summary>The payer's items still open in the payment's currency and not planned in this payment, oldest first.</summary>
    private List<int> OwnOpenItems()
        => _payer is null ? [] : [.. _book.ByCustomer(_payer).Where(i => SameCurrency(i) && Available(i) > 0m && !_planned.ContainsKey(i))];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
