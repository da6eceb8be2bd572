namespace Connector.Mapping.CashApplication;

/// <summary>Whether a written number is a mistyped form of an item's number: at most two typing errors (a character
/// wrong, missing, extra, or two neighbours swapped) between their OCR-folded keys; at most one for numbers under six characters.</summary>
internal static class NumberDistance
{
    public static bool IsNear(string written, InvoiceNumberKeys? item)
    {
        var keys = InvoiceNumberNormalizer.Keys(written);
        if (keys is null || item is null)
        {
            return false;
        }

        var shorter = Math.Min(keys.Folded.Length, item.Folded.Length);
        var allowed = shorter >= 6 ? 2 : 1;
        return shorter >= 3 && Distance(keys.Folded, item.Folded, allowed) <= allowed;
    }

    /// <summary>Optimal string alignment distance, or more than <paramref name="limit"/> as soon as it must be.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var best = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                best = Math.Min(best, v);
            }

            if (best > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }
}
