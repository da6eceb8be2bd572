namespace Connector.Mapping.CashApplication;

/// <summary>What a combination search found: the smallest subsets that sum to the target (at most two are kept), and whether it gave up.</summary>
internal sealed record CombinationOutcome(IReadOnlyList<IReadOnlyList<int>> Solutions, bool Exhausted)
{
    public bool IsUnique => Solutions.Count == 1 && !Exhausted;
}

/// <summary>
/// Subset sum in cents over positive amounts: the fewest items first (2, 3, ... up to the limit); for each size a
/// depth-first search over the amounts sorted from the largest, pruned by the largest and smallest sums still
/// reachable, with the last item looked up in a hash of amounts. Stops at the first size with a solution, after two
/// solutions (two different subsets fit: the caller must not choose), or when the step budget is spent.
/// </summary>
internal static class CombinationSearch
{
    public static CombinationOutcome Find(IReadOnlyList<(int Id, long Cents)> items, long target, int maxItems, int budget)
    {
        var sorted = items.Where(i => i.Cents > 0 && i.Cents <= target).OrderByDescending(i => i.Cents).ThenBy(i => i.Id).ToArray();
        var n = sorted.Length;
        var prefix = new long[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i].Cents;
        }

        var positions = new Dictionary<long, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (!positions.TryGetValue(sorted[i].Cents, out var list))
            {
                positions[sorted[i].Cents] = list = [];
            }

            list.Add(i);
        }

        var state = new State(sorted, prefix, positions, budget);
        for (var k = 2; k <= Math.Min(maxItems, n); k++)
        {
            if (prefix[k] < target)
            {
                continue;
            }

            if (prefix[n] - prefix[n - k] > target)
            {
                break;
            }

            state.Search(0, k, target, []);
            if (state.Solutions.Count > 0 || state.Steps >= budget)
            {
                break;
            }
        }

        return new CombinationOutcome(state.Solutions, state.Steps >= budget && state.Solutions.Count < 2);
    }

    private sealed class State((int Id, long Cents)[] sorted, long[] prefix, Dictionary<long, List<int>> positions, int budget)
    {
        public List<IReadOnlyList<int>> Solutions { get; } = [];

        public int Steps { get; private set; }

        public void Search(int from, int left, long remaining, List<int> chosen)
        {
            var n = sorted.Length;
            if (left == 1)
            {
                if (positions.TryGetValue(remaining, out var at))
                {
                    foreach (var p in at.Where(p => p >= from))
                    {
                        Solutions.Add([.. chosen.Select(c => sorted[c].Id), sorted[p].Id]);
                        if (Solutions.Count >= 2)
                        {
                            return;
                        }
                    }
                }

                return;
            }

            for (var i = from; i <= n - left && Solutions.Count < 2 && Steps < budget; i++)
            {
                Steps++;
                var rest = remaining - sorted[i].Cents;
                if (rest < 0)
                {
                    continue;
                }

                if (prefix[i + left] - prefix[i] < remaining)
                {
                    break;
                }

                if (prefix[n] - prefix[n - (left - 1)] > rest)
                {
                    continue;
                }

                chosen.Add(i);
                Search(i + 1, left - 1, rest, chosen);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }
    }
}
