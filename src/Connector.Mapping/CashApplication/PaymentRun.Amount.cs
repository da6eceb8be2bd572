namespace Connector.Mapping.CashApplication;

/// <summary>A payment that names no open item: the payer's one item for the amount, or for the amount less its discount, or one combination of its items.</summary>
internal sealed partial class PaymentRun
{
    private void ApplyByAmount(List<string> unknown)
    {
        var amount = _remittance.Amount;
        var said = unknown.Count == 0 ? "the payment names no open item" : Text($"\"{string.Join("\", \"", unknown)}\" is no open item");
        if (_payer is null)
        {
            _notes.Add(Text($"{said}, and the payer is not identified"));
            SeedByAmount(amount, Text($"open for the payment's {amount:0.00}"));
            return;
        }

        var items = OwnOpenItems();
        var same = items.Where(i => Available(i) == amount).ToList();
        var discounted = items.Where(i => Settler.DiscountInWindow(i) is var d && d > 0m && Available(i) - d == amount).ToList();
        var settling = same.Concat(discounted).ToList();
        var near = settling.Where(i => unknown.Any(u => NumberDistance.IsNear(u, _book.KeysOf(i)))).ToList();
        if (settling.Count > 1 && near.Count == 1)
        {
            _notes.Add(Text($"of the payer's {settling.Count} open items settled by {amount:0.00}, only {_book[near[0]].Number} is near \"{string.Join("\", \"", unknown)}\""));
            settling = near;
        }

        var exact = settling.Count == 1 ? settling[0] : -1;
        if (exact >= 0 && (unknown.Count == 0 || unknown.Any(u => NumberDistance.IsNear(u, _book.KeysOf(exact)))))
        {
            var settled = Settler.Settle(exact, amount, Allowance.Strict, null, out _)!;
            var typo = unknown.Count == 0 ? string.Empty : Text($" (its number is within two typing errors of \"{unknown[0]}\")");
            Add(exact, settled, CashRules.AmountAndCustomer, Text($"{said}; {Finder.Describe(exact)} is the payer's only open item it settles{typo}"), null);
            return;
        }

        if (same.Count + discounted.Count > 0)
        {
            _notes.Add(exact >= 0
                ? Text($"{said}; the payer's open item for {amount:0.00}, {_book[exact].Number}, is not near it")
                : Text($"{said}; {same.Count + discounted.Count} of the payer's open items are settled by {amount:0.00}: an operator chooses"));
            same.Concat(discounted).ToList().ForEach(i => Seed(i, 70, Text($"the payer's open item settled by {amount:0.00}")));
            return;
        }

        if (unknown.Count > 0)
        {
            _notes.Add(Text($"{said}, and no combination is tried when the payment names other numbers"));
            SeedNear(unknown, null);
            return;
        }

        ApplyCombination(items, amount, said);
    }

    private void ApplyCombination(List<int> items, decimal amount, string said)
    {
        var search = CombinationSearch.Find([.. items.Select(i => (i, OpenItemBook.Cents(Available(i))))], OpenItemBook.Cents(amount), _options.MaxCombinationItems,
            _options.CombinationSearchBudget, OpenItemBook.Cents(_options.CombinationNearWindow), _options.CombinationMaxNearMisses);
        if (search.IsUnique)
        {
            var chosen = search.Solutions[0].OrderBy(i => items.IndexOf(i)).ToList();
            var numbers = string.Join(", ", chosen.Select(i => _book[i].Number));
            foreach (var index in chosen)
            {
                Add(index, Settler.Settle(index, Available(index), Allowance.ExactOnly, null, out _)!, CashRules.Combination,
                    Text($"{said}; {Finder.Describe(index)} is one of the {chosen.Count} open items of the payer ({numbers}) that alone sum to {amount:0.00} among its {items.Count} ({search.NearMisses} other combinations of {chosen.Count} within {_options.CombinationNearWindow:0.00})"), null);
            }

            return;
        }

        var why = search.Solutions.Count > 1
            ? Text($"two different combinations of the payer's open items sum to {amount:0.00}: an operator chooses")
            : search.NearMisses > _options.CombinationMaxNearMisses
                ? Text($"more than {_options.CombinationMaxNearMisses} combinations of the payer's {items.Count} open items come within {_options.CombinationNearWindow:0.00} of {amount:0.00}: an exact one would likely be a coincidence")
            : search.Exhausted
                ? Text($"the search for a combination of the payer's {items.Count} open items summing to {amount:0.00} gave up after {_options.CombinationSearchBudget} steps")
                : Text($"no combination of up to {_options.MaxCombinationItems} of the payer's {items.Count} open items sums to {amount:0.00}");
        _notes.Add(Text($"{said}; {why}"));
        foreach (var solution in search.Solutions)
        {
            solution.ToList().ForEach(i => Seed(i, 60, Text($"in a combination summing to {amount:0.00}")));
        }

        var tolerance = _options.ShortPaymentTolerance;
        items.Where(i => Math.Abs(Available(i) - amount) <= Math.Max(tolerance, amount * 0.05m)).ToList()
            .ForEach(i => Seed(i, 50, Text($"the payer's item open for {Available(i):0.00}, near the payment's {amount:0.00}")));
    }

    private void SeedByAmount(decimal amount, string reason)
    {
        foreach (var index in _book.ByOpenAmount(amount).Where(i => SameCurrency(i) && Available(i) == amount).Take(_options.MaxCandidates * 4))
        {
            Seed(index, _payer is null ? 50 : 40, reason);
        }
    }

    private void SeedNear(List<string> unknown, int? line)
    {
        var at = line is null ? string.Empty : Text($"line {line}: ");
        foreach (var index in OwnOpenItems().Where(i => unknown.Any(u => NumberDistance.IsNear(u, _book.KeysOf(i)))))
        {
            Seed(index, 65, Text($"{at}its number {_book[index].Number} is near \"{string.Join("\", \"", unknown)}\""));
        }
    }
}
