using System.Globalization;
using Connector.Mapping.Entities;

namespace Connector.Mapping.Matching;

/// <summary>Turns the ranked name hits into a result: accept, propose (ambiguous) or no match, with the explanation.</summary>
internal static class FuzzyDecision
{
    public static MatchResult Decide(string written, IReadOnlyList<NameHit> hits, MatchingOptions options, int margin, List<string> notes)
    {
        if (hits.Count == 0)
        {
            notes.Add(Text($"name \"{written}\" shares no word with any customer"));
            return new MatchResult(MatchOutcome.NoMatch, null, MatchRules.None, 0, [], string.Join("; ", notes));
        }

        var best = hits[0];
        if (best.Score >= options.AcceptScore)
        {
            var rivals = hits.Skip(1).Where(h => h.Score >= best.Score - margin).ToList();
            if (rivals.Count == 0)
            {
                var reason = Text($"name \"{written}\" ~ \"{best.MatchedName}\" ({best.Customer.AccountNumber}) scored {best.Score} >= {options.AcceptScore}");
                notes.Add(reason);
                var candidate = new MatchCandidate(best.Customer, best.Score, MatchRules.Name, reason);
                return new MatchResult(MatchOutcome.Matched, best.Customer, MatchRules.Name, best.Score, [candidate], string.Join("; ", notes));
            }

            var shown = hits.Where(h => h.Score >= options.ProposeScore).Take(Math.Max(2, options.MaxCandidates)).ToList();
            notes.Add(Text($"name \"{written}\" ~ {Describe(shown)}: {rivals.Count + 1} customers within {margin} points of the best, none accepted"));
            return Ambiguous(written, shown, best.Score, notes);
        }

        if (best.Score >= options.ProposeScore)
        {
            var shown = hits.Where(h => h.Score >= options.ProposeScore).Take(options.MaxCandidates).ToList();
            notes.Add(Text($"name \"{written}\" ~ {Describe(shown)}: best {best.Score} < {options.AcceptScore}, proposed (>= {options.ProposeScore})"));
            return Ambiguous(written, shown, best.Score, notes);
        }

        notes.Add(Text($"name \"{written}\": best \"{best.MatchedName}\" ({best.Customer.AccountNumber}) scored {best.Score} < {options.ProposeScore}"));
        return new MatchResult(MatchOutcome.NoMatch, null, MatchRules.None, best.Score, [], string.Join("; ", notes));
    }

    private static MatchResult Ambiguous(string written, List<NameHit> shown, int score, List<string> notes)
    {
        var candidates = shown
            .Select(h => new MatchCandidate(h.Customer, h.Score, MatchRules.Name, Text($"name \"{written}\" ~ \"{h.MatchedName}\" scored {h.Score}")))
            .ToList();
        return new MatchResult(MatchOutcome.Ambiguous, null, MatchRules.Name, score, candidates, string.Join("; ", notes));
    }

    private static string Describe(List<NameHit> hits)
        => string.Join(", ", hits.Select(h => Text($"\"{h.MatchedName}\" ({h.Customer.AccountNumber}) {h.Score}")));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
