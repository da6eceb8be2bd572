using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>A payment whose lines give no amounts: the references it names (lines, free text) together, else amount and customer, else a combination.</summary>
internal sealed partial class PaymentRun
{
    private void ApplyWhole(List<RemittanceLine> lines)
    {
        var written = lines.Select(l => l.Reference).OfType<string>().Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var fromText = lines.SelectMany(l => TextNumbers.Find(l.Text, _book)).Concat(TextNumbers.Find(_remittance.FreeText, _book)).ToList();
        var found = new List<(int Index, string Rule, string Note)>();
        var unknown = new List<string>();
        foreach (var (reference, inText) in written.Select(w => (w, false)).Concat(fromText.Select(t => (t, true))))
        {
            var hit = Finder.Find(reference, _remittance.Amount);
            if (hit is null || hit.Items.Count == 0)
            {
                if (hit is not null && !inText)
                {
                    _notes.Add(hit.Note);
                }

                if (InvoiceNumberNormalizer.Keys(reference) is not null)
                {
                    unknown.Add(reference);
                }
            }
            else if (!hit.IsUnique)
            {
                _notes.Add(hit.Note);
                hit.Items.Take(_options.MaxCandidates).ToList().ForEach(i => Seed(i, 70, hit.Note));
            }
            else if (found.All(f => f.Index != hit.Items[0]))
            {
                found.Add((hit.Items[0], inText ? CashRules.NumberInText : hit.Rule, inText ? Text($"in the text, {hit.Note}") : hit.Note));
            }
        }

        if (found.Count > 0)
        {
            ApplyFound(found);
        }
        else if (_notes.Count == 0)
        {
            ApplyByAmount(unknown);
        }
    }

    /// <summary>The items the references name: one settles the payment; several are paid together, with their discounts, or a subset of them sums to it.</summary>
    private void ApplyFound(List<(int Index, string Rule, string Note)> found)
    {
        var amount = _remittance.Amount;
        var own = _payer is null ? found : found.Where(f => IsOwn(f.Index)).ToList();
        if (own.Count == 0 || (_payer is null && own.Select(f => _book[f.Index].CustomerAccount.ToUpperInvariant()).Distinct().Count() > 1))
        {
            own = found.Count == 1 ? found : [];
        }

        if (own.Count == 1)
        {
            var (index, rule, note) = own[0];
            var (allow, relation) = Relation(index);
            var settled = Settler.Settle(index, amount, allow, null, out var why);
            if (settled is not null && !Doubted(index, amount, settled, note, null))
            {
                Add(index, settled, rule, note + relation, null);
                return;
            }

            if (settled is not null)
            {
                return;
            }

            _notes.Add(Text($"{note}, but {why}{relation}"));
            Seed(index, 85, Text($"{note}, but {why}"));
            return;
        }

        if (own.Count == 0)
        {
            _notes.Add(Text($"the references name items of several customers: {string.Join("; ", found.Select(f => f.Note))}"));
            found.ForEach(f => Seed(f.Index, 70, f.Note));
            return;
        }

        var exact = Relation(own[0].Index).Allow;
        var open = own.Sum(f => Available(f.Index));
        var discounts = own.Select(f => exact.Discount ? Settler.DiscountInWindow(f.Index) : 0m).ToList();
        if (amount == open || (discounts.Any(d => d > 0m) && amount == open - discounts.Sum()) || (amount > open && exact.Over))
        {
            var discounted = amount != open && amount < open;
            for (var k = 0; k < own.Count; k++)
            {
                var (index, rule, note) = own[k];
                var pays = Available(index) - (discounted ? discounts[k] : 0m);
                var settled = Settler.Settle(index, pays, Allowance.Strict, null, out _)!;
                Add(index, settled, rule, Text($"{note}; the {own.Count} named items together make the payment {amount:0.00}"), null);
            }

            if (amount > open)
            {
                OnAccount += amount - open;
                _notes.Add(Text($"the payment is {amount - open:0.00} more than the {own.Count} named items: the excess goes on account"));
            }

            return;
        }

        var single = own.Where(f => Available(f.Index) == amount).ToList();
        if (single.Count == 1)
        {
            var (index, rule, note) = single[0];
            Add(index, Settler.Settle(index, amount, Allowance.Strict, null, out _)!, rule, Text($"{note}; of the {own.Count} named items, it alone makes the payment"), null);
            return;
        }

        var subset = CombinationSearch.Find([.. own.Select(f => (f.Index, OpenItemBook.Cents(Available(f.Index))))], OpenItemBook.Cents(amount), own.Count, _options.CombinationSearchBudget);
        if (subset.IsUnique)
        {
            foreach (var f in own.Where(o => subset.Solutions[0].Contains(o.Index)))
            {
                var index = f.Index;
                Add(index, Settler.Settle(index, Available(index), Allowance.Strict, null, out _)!, f.Rule,
                    Text($"{f.Note}; of the {own.Count} named items, these {subset.Solutions[0].Count} alone make the payment {amount:0.00}"), null);
            }

            return;
        }

        _notes.Add(Text($"the {own.Count} named items are open for {open:0.00} together, and neither they nor one subset of them make the payment {amount:0.00}"));
        own.ForEach(f => Seed(f.Index, 80, f.Note));
    }
}
