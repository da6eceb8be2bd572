using System.Collections.Frozen;
using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>
/// An entity's open items for one run, indexed by number (exact, normalised, OCR-folded), customer, open amount in
/// cents and payment reference / purchase order; and the per-run ledger of what payments have taken from each item.
/// Build once; lookups are thread-safe, and so are <see cref="TryReserve"/> and <see cref="Release"/>. An item read
/// from the ERP wins over the same number for the same customer posted by the Connector; items with nothing open are left out.
/// </summary>
internal sealed class OpenItemBook
{
    private static readonly int[] None = [];

    private readonly OpenItem[] _items;
    private readonly InvoiceNumberKeys?[] _keys;
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]> _normalised;
    private readonly Dictionary<string, int[]> _folded;
    private readonly Dictionary<string, int[]> _references;
    private readonly Dictionary<string, int[]> _customers;
    private readonly Dictionary<long, int[]> _cents;
    private readonly FrozenSet<string> _shapes;
    private readonly decimal[] _taken;
    private readonly Lock _ledger = new();

    private OpenItemBook(List<OpenItem> items)
    {
        _items = [.. items];
        _keys = [.. items.Select(i => InvoiceNumberNormalizer.Keys(i.Number))];
        _taken = new decimal[_items.Length];
        var all = Enumerable.Range(0, _items.Length).ToList();
        _exact= Index<string>(all, i => [_keys[i]?.Exact ?? _items[i].Number.Trim().ToUpperInvariant()]);
        _normalised= Index<string>(all, i => _keys[i] is { } k ? [k.Compact, k.Grouped] : []);
        _folded= Index<string>(all, i => _keys[i] is { } k ? [k.Folded] : []);
        _references= Index<string>(all, i => new[] { _items[i].PaymentReference, _items[i].PurchaseOrder }.Select(ReferenceKey).OfType<string>());
        _customers = Index<string>(
            [.. all.OrderBy(i => _items[i].InvoiceDate ?? _items[i].DueDate ?? DateOnly.MinValue).ThenBy(i => _items[i].Number, StringComparer.Ordinal)],
            i => [_items[i].CustomerAccount.Trim().ToUpperInvariant()]);
        _cents = all.GroupBy(i => Cents(_items[i].OpenAmount)).ToDictionary(g => g.Key, g => g.ToArray());
        _shapes = _keys.OfType<InvoiceNumberKeys>().SelectMany(k => new[] { InvoiceNumberNormalizer.Shape(k.Compact), InvoiceNumberNormalizer.Shape(k.Grouped) })
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _items.Length;

    public OpenItem this[int index] => _items[index];

    public static OpenItemBook Build(IEnumerable<OpenItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<OpenItem>();
        foreach (var item in items.Where(i => i.OpenAmount != 0m && !string.IsNullOrWhiteSpace(i.Number)))
        {
            var key = item.Number.Trim().ToUpperInvariant() + "\u001f" + item.CustomerAccount.Trim().ToUpperInvariant() + "\u001f" + item.Currency.ToUpperInvariant();
            if (!kept.TryGetValue(key, out var at))
            {
                kept[key] = list.Count;
                list.Add(item);
            }
            else if (list[at].Origin != "erp" && item.Origin == "erp")
            {
                list[at] = item;
            }
        }

        return new OpenItemBook(list);
    }

    public InvoiceNumberKeys? KeysOf(int index) => _keys[index];

    public IReadOnlyList<int> ByExactNumber(string exact) => _exact.GetValueOrDefault(exact, None);

    public IReadOnlyList<int> ByNormalisedKey(string key) => _normalised.GetValueOrDefault(key, None);

    public IReadOnlyList<int> ByFoldedKey(string folded) => _folded.GetValueOrDefault(folded, None);

    /// <summary>Items whose payment reference or purchase order is the given one (letters and digits compared, upper case).</summary>
    public IReadOnlyList<int> ByReference(string written) => ReferenceKey(written) is { } key ? _references.GetValueOrDefault(key, None) : None;

    /// <summary>The customer's items, oldest first.</summary>
    public IReadOnlyList<int> ByCustomer(string account) => _customers.GetValueOrDefault(account.Trim().ToUpperInvariant(), None);

    /// <summary>Items whose open amount (as read, not reduced by this run) is this amount.</summary>
    public IReadOnlyList<int> ByOpenAmount(decimal amount) => _cents.GetValueOrDefault(Cents(amount), None);

    /// <summary>Whether a key has the shape of one of the book's invoice numbers (the last digit run may be one longer or shorter).</summary>
    public bool LooksLikeInvoiceNumber(string key)
    {
        var shape = InvoiceNumberNormalizer.Shape(key);
        if (_shapes.Contains(shape))
        {
            return true;
        }

        var cut = shape.LastIndexOf('D');
        if (cut < 0 || !int.TryParse(shape.AsSpan(cut + 1), System.Globalization.CultureInfo.InvariantCulture, out var run))
        {
            return false;
        }

        var head = shape[..(cut + 1)];
        return _shapes.Contains(head + (run + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            || (run > 1 && _shapes.Contains(head + (run - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>What is still open on the item in this run: its open amount less what payments of the run took.</summary>
    public decimal Available(int index)
    {
        lock (_ledger)
        {
            return _items[index].OpenAmount - _taken[index];
        }
    }

    /// <summary>Takes the amounts from the items, all or none: none when any would go beyond what is still open (a credit note takes negative amounts).</summary>
    public bool TryReserve(IReadOnlyList<(int Index, decimal Amount)> takes)
    {
        ArgumentNullException.ThrowIfNull(takes);
        lock (_ledger)
        {
            var totals = takes.GroupBy(t => t.Index).Select(g => (Index: g.Key, Amount: g.Sum(t => t.Amount))).ToList();
            if (totals.Any(t => t.Amount == 0m || Math.Sign(t.Amount) != Math.Sign(_items[t.Index].OpenAmount)
                || Math.Abs(_taken[t.Index] + t.Amount) > Math.Abs(_items[t.Index].OpenAmount)))
            {
                return false;
            }

            foreach (var (index, amount) in totals)
            {
                _taken[index] += amount;
            }

            return true;
        }
    }

    /// <summary>Gives back what was taken (an operator undid an application, or a posting failed).</summary>
    public void Release(IReadOnlyList<(int Index, decimal Amount)> takes)
    {
        ArgumentNullException.ThrowIfNull(takes);
        lock (_ledger)
        {
            foreach (var (index, amount) in takes)
            {
                var left = _taken[index] - amount;
                _taken[index] = Math.Sign(left) == Math.Sign(_items[index].OpenAmount) ? left : 0m;
            }
        }
    }

    internal static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    internal static string? ReferenceKey(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var key = new string([.. written.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return key.Length >= 3 ? key : null;
    }

    private static Dictionary<TKey, int[]> Index<TKey>(List<int> order, Func<int, IEnumerable<TKey>> keys)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, List<int>>();
        foreach (var i in order)
        {
            foreach (var key in keys(i).Distinct())
            {
                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                list.Add(i);
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
