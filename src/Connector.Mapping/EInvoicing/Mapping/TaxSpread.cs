namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>
/// Spreads a VAT amount over lines in proportion to their net amounts by the largest remainder method, so that the
/// shares, each at 2 decimals, sum to the amount exactly (EN 16931 gives VAT per category, never per line).
/// </summary>
internal static class TaxSpread
{
    public static decimal[] Spread(IReadOnlyList<decimal> nets, decimal total)
    {
        var shares = new decimal[nets.Count];
        if (shares.Length == 0)
        {
            return shares;
        }

        var target = Math.Round(total, 2, MidpointRounding.AwayFromZero);
        var sum = nets.Sum();
        if (sum == 0m)
        {
            shares[Largest(nets)] = target;
            return shares;
        }

        var cents = new decimal[shares.Length];
        var fractions = new decimal[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            var exact = target * nets[i] / sum * 100m;
            cents[i] = Math.Floor(exact);
            fractions[i] = exact - cents[i];
        }

        var remainder = (long)((target * 100m) - cents.Sum());
        var order = Enumerable.Range(0, shares.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).ToArray();
        for (var k = 0; remainder > 0; k = (k + 1) % order.Length, remainder--)
        {
            cents[order[k]] += 1m;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = cents[i] / 100m;
        }

        // Whatever the decimal division left over (never more than a cent) goes to the largest line.
        var left = target - shares.Sum();
        shares[Largest(nets)] += left;
        return shares;
    }

    private static int Largest(IReadOnlyList<decimal> nets)
    {
        var best = 0;
        for (var i = 1; i < nets.Count; i++)
        {
            if (Math.Abs(nets[i]) > Math.Abs(nets[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
