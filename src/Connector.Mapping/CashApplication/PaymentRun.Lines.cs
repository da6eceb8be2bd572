using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>A remittance whose lines say what they pay: each line is applied on its own, by its reference, then by amount among the payer's items.</summary>
internal sealed partial class PaymentRun
{
    private void ApplyLines(List<RemittanceLine> lines)
    {
        var missing = lines.Where(l => l.AmountPaid is null).ToList();
        var stated = lines.Where(l => l.AmountPaid is not null).Sum(Signed);
        var all = true;
        foreach (var line in lines)
        {
            decimal amount;
            if (line.AmountPaid is not null)
            {
                amount = Signed(line);
            }
            else if (missing.Count == 1 && _remittance.Amount - stated > 0m)
            {
                amount = _remittance.Amount - stated;
                _notes.Add(Text($"line {line.LineNumber} gives no amount: it is taken as the rest of the payment, {amount:0.00}"));
            }
            else
            {
                _notes.Add(Text($"line {line.LineNumber} gives no amount"));
                all = false;
                continue;
            }

            all &= ApplyLine(line, amount);
        }

        var total = lines.Sum(l => l.AmountPaid is null ? 0m : Signed(l)) + (missing.Count == 1 ? Math.Max(0m, _remittance.Amount - stated) : 0m);
        if (all && total < _remittance.Amount)
        {
            OnAccount += _remittance.Amount - total;
            _notes.Add(Text($"the lines account for {total:0.00} of {_remittance.Amount:0.00}: the rest, {_remittance.Amount - total:0.00}, goes on account"));
        }
    }

    private static decimal Signed(RemittanceLine line) => line.Kind == ReferenceKind.CreditNote ? -line.AmountPaid!.Value : line.AmountPaid!.Value;

    private bool ApplyLine(RemittanceLine line, decimal amount)
    {
        var references = new List<string>();
        if (!string.IsNullOrWhiteSpace(line.Reference))
        {
            references.Add(line.Reference);
        }

        references.AddRange(TextNumbers.Find(line.Text, _book));
        var unknown = new List<string>();
        foreach (var (written, index) in references.Select((r, i) => (r, i)))
        {
            var found = Finder.Find(written, amount);
            if (found is not null && found.Items.Count == 0 && index == 0 && !string.IsNullOrWhiteSpace(line.Reference))
            {
                _notes.Add(Text($"line {line.LineNumber}: {found.Note}"));
            }

            if (found is null || found.Items.Count == 0)
            {
                if (found is not null && (InvoiceNumberNormalizer.Keys(written) is not null))
                {
                    unknown.Add(written);
                }

                continue;
            }

            var rule = index == 0 && !string.IsNullOrWhiteSpace(line.Reference) ? found.Rule : CashRules.NumberInText;
            if (!found.IsUnique)
            {
                _notes.Add(Text($"line {line.LineNumber}: {found.Note}"));
                found.Items.Take(_options.MaxCandidates).ToList().ForEach(i => Seed(i, 75, Text($"line {line.LineNumber}: {found.Note}")));
                return false;
            }

            var item = found.Items[0];
            var (allow, relation) = Relation(item);
            var settled = Settler.Settle(item, amount, allow, line, out var why);
            if (settled is null)
            {
                _notes.Add(Text($"line {line.LineNumber}: {found.Note}, but {why}{relation}"));
                Seed(item, 85, Text($"line {line.LineNumber}: {found.Note}, but {why}"));
                if (_payer is null || IsOwn(item))
                {
                    return false;
                }

                // Another customer's number that the amount does not settle: likely mistyped; the payer's item for the amount, near it, is tried next.
                unknown.Add(written);
                continue;
            }

            if (Doubted(item, amount, settled, found.Note, line.LineNumber))
            {
                return false;
            }

            Add(item, settled, rule, Text($"line {line.LineNumber}: {found.Note}{relation}"), line.LineNumber);
            return true;
        }

        return ApplyLineByAmount(line, amount, unknown);
    }

    /// <summary>No reference found the item: the payer's one open item with exactly the line's amount, near the reference if the line gave one.</summary>
    private bool ApplyLineByAmount(RemittanceLine line, decimal amount, List<string> unknown)
    {
        var said = unknown.Count == 0 ? "no reference" : Text($"\"{string.Join("\", \"", unknown)}\" names no open item it settles");
        if (_payer is null)
        {
            _notes.Add(Text($"line {line.LineNumber}: {said}, and the payer is not identified"));
            SeedByAmount(amount, Text($"line {line.LineNumber}: {said}; open for the line's {amount:0.00}"));
            return false;
        }

        var same = OwnOpenItems().Where(i => Available(i) == amount).ToList();
        var near = same.Where(i => unknown.Any(u => NumberDistance.IsNear(u, _book.KeysOf(i)))).ToList();
        if (same.Count > 1 && near.Count == 1)
        {
            _notes.Add(Text($"line {line.LineNumber}: of the payer's {same.Count} open items for {amount:0.00}, only {_book[near[0]].Number} is near the reference"));
            same = near;
        }

        if (same.Count == 1 && (unknown.Count == 0 || near.Contains(same[0])))
        {
            var typo = unknown.Count == 0 ? string.Empty : Text($" (its number {_book[same[0]].Number} is within two typing errors of \"{unknown[0]}\")");
            var settled = Settler.Settle(same[0], amount, Allowance.ExactOnly, line, out _)!;
            Add(same[0], settled, CashRules.AmountAndCustomer,
                Text($"line {line.LineNumber}: {said}; {Finder.Describe(same[0])} is the payer's only open item for {amount:0.00}{typo}"), line.LineNumber);
            return true;
        }

        var why = same.Count switch
        {
            0 => Text($"the payer {_payer} has no open item for {amount:0.00}"),
            1 => Text($"the payer's open item for {amount:0.00}, {_book[same[0]].Number}, is not near \"{unknown[0]}\""),
            _ => Text($"the payer {_payer} has {same.Count} open items for {amount:0.00}"),
        };
        _notes.Add(Text($"line {line.LineNumber}: {said}; {why}"));
        same.ForEach(i => Seed(i, unknown.Count == 0 ? 70 : 60, Text($"line {line.LineNumber}: the payer's open item for {amount:0.00}")));
        if (same.Count == 0)
        {
            SeedNear(unknown, line.LineNumber);
        }

        return false;
    }
}
