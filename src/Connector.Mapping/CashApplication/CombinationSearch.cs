namespace Connector.Mapping.CashApplication;

/// <summary>
/// What a combination search found: the smallest subsets that sum to the target (at most two are kept), how many
/// subsets of that size came within the window around it without hitting it, and whether it gave up.
/// </summary>
internal sealed record CombinationOutcome(IReadOnlyList<IReadOnlyList<int>> Solutions, int NearMisses, bool Exhausted)
{
    public bool IsUnique => Solutions.Count == 1 && !Exhausted;
}

/// <summary>
/// Subset sum in cents over positive amounts: the fewest items first (2, 3, ... up to the limit); for each size a
/// depth-first search over the amounts sorted from the largest, pruned by the largest and smallest sums still
/// reachable, the last item found by binary search. Besides exact hits it counts the subsets that land within
/// <c>window</c> cents of the target: many near misses mean an exact hit is likely a coincidence. Stops at the first
/// size with a hit, after two hits (two different subsets fit: the caller must not choose), when the near misses pass
/// <c>maxNearMisses</c>, or when the step budget is spent.
/// </summary>
internal static class CombinationSearch
{
    public static CombinationOutcome Find(IReadOnlyList<(int Id, long Cents)> items, long target, int maxItems, int budget, long window = 0, int maxNearMisses = int.MaxValue)
    {
        var sorted = items.Where(i => i.Cents > 0 && i.Cents <= target + window).OrderByDescending(i => i.Cents).ThenBy(i => i.Id).ToArray();
        var n = sorted.Length;
        var prefix = new long[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i].Cents;
        }

        var state = new State(sorted, prefix, budget, window, maxNearMisses);
        for (var k = 2; k <= Math.Min(maxItems, n); k++)
        {
            if (prefix[k] < target - window)
            {
                continue;
            }

            if (prefix[n] - prefix[n - k] > target + window)
            {
                break;
            }

            state.NearMisses = 0;
            state.Search(0, k, target, []);
            if (state.Solutions.Count > 0 || state.Stopped)
            {
                break;
            }
        }

        return new CombinationOutcome(state.Solutions, state.NearMisses, state.Stopped && state.Solutions.Count < 2);
    }

    private sealed class State((int Id, long Cents)[] sorted, long[] prefix, int budget, long window, int maxNearMisses)
    {
        public List<IReadOnlyList<int>> Solutions { get; } = [];

        public int NearMisses { get; set; }

        public int Steps { get; private set; }

        public bool Stopped => Steps >= budget || NearMisses > maxNearMisses;

        public void Search(int from, int left, long remaining, List<int> chosen)
        {
            var n = sorted.Length;
            if (left == 1)
            {
                Last(from, remaining, chosen);
                return;
            }

            for (var i = from; i <= n - left && Solutions.Count < 2 && !Stopped; i++)
            {
                Steps++;
                var rest = remaining - sorted[i].Cents;
                if (rest < -window)
                {
                    continue;
                }

                if (prefix[i + left] - prefix[i] < remaining - window)
                {
                    break;
                }

                if (prefix[n] - prefix[n - (left - 1)] > rest + window)
                {
                    continue;
                }

                chosen.Add(i);
                Search(i + 1, left - 1, rest, chosen);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }

        /// <summary>The items from <paramref name="from"/> on whose amount is within the window of what remains: hits and near misses.</summary>
        private void Last(int from, long remaining, List<int> chosen)
        {
            Steps++;
            var first = Math.Max(from, FirstAtMost(remaining + window));
            var end = FirstAtMost(remaining - window - 1);
            for (var p = first; p < end && Solutions.Count < 2 && NearMisses <= maxNearMisses; p++)
            {
                if (sorted[p].Cents == remaining)
                {
                    Solutions.Add([.. chosen.Select(c => sorted[c].Id), sorted[p].Id]);
                }
                else
                {
                    NearMisses++;
                }
            }
        }

        /// <summary>The first position whose amount is at most the value (amounts sorted from the largest).</summary>
        private int FirstAtMost(long value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sorted[mid].Cents <= value)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
