using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>One transaction set: its ST, the segments between ST and SE, and its SE.</summary>
internal sealed record X12TransactionSet(X12Segment Header, IReadOnlyList<X12Segment> Body, X12Segment Trailer)
{
    public string? Code => Header[1];

    public string? ControlNumber => Header[2];
}

/// <summary>
/// Walks the envelopes ISA / GS / ST ... SE / GE / IEA and checks them: SE01 = the set's segment count (ST and SE
/// included), SE02 = ST02, GE01 = the group's number of sets, GE02 = GS06, IEA01 = the number of groups, IEA02 = ISA13.
/// Every failure names the segment number, its line and the element.
/// </summary>
internal static class X12Envelope
{
    public static List<X12TransactionSet> Walk(IReadOnlyList<X12Segment> segments, string documentName, List<Problem> failures)
    {
        var sets = new List<X12TransactionSet>();
        X12Segment? interchange = null;
        X12Segment? group = null;
        X12Segment? set = null;
        var body = new List<X12Segment>();
        int groups = 0, setsInGroup = 0;
        foreach (var segment in segments)
        {
            if (set is not null)
            {
                if (segment.Id == "SE")
                {
                    var transaction = new X12TransactionSet(set, [.. body], segment);
                    CheckCount(segment, 1, body.Count + 2, $"segments in transaction set {set[2]} (ST at segment {N(set.Number)} to SE)", ProblemCodes.EdiSegmentCount, documentName, failures);
                    CheckControl(segment, 2, set, 2, documentName, failures);
                    sets.Add(transaction);
                    set = null;
                    body.Clear();
                }
                else if (segment.Id is "ST" or "GE" or "GS" or "IEA" or "ISA")
                {
                    failures.Add(Problem.Error(ProblemCodes.EdiMalformed, $"{segment.Id} inside transaction set {set[2]} (begun at segment {N(set.Number)}): its SE is missing.", segment.At(documentName)));
                    return sets;
                }
                else
                {
                    body.Add(segment);
                }

                continue;
            }

            switch (segment.Id)
            {
                case "ISA" when interchange is null:
                    interchange = segment;
                    groups = 0;
                    break;
                case "GS" when interchange is not null && group is null:
                    group = segment;
                    groups++;
                    setsInGroup = 0;
                    break;
                case "ST" when group is not null:
                    set = segment;
                    setsInGroup++;
                    break;
                case "GE" when group is not null:
                    CheckCount(segment, 1, setsInGroup, $"transaction sets in functional group {group[6]} (GS at segment {N(group.Number)})", ProblemCodes.EdiEnvelopeCount, documentName, failures);
                    CheckControl(segment, 2, group, 6, documentName, failures);
                    group = null;
                    break;
                case "IEA" when interchange is not null && group is null:
                    CheckCount(segment, 1, groups, $"functional groups in interchange {interchange[13]} (ISA at segment {N(interchange.Number)})", ProblemCodes.EdiEnvelopeCount, documentName, failures);
                    CheckControl(segment, 2, interchange, 13, documentName, failures);
                    interchange = null;
                    break;
                case "TA1" when interchange is not null && group is null:
                    break;
                default:
                    failures.Add(Problem.Error(
                        ProblemCodes.EdiMalformed,
                        $"Segment {segment.Id} is out of place: {Expected(interchange, group)} was expected.",
                        segment.At(documentName)));
                    return sets;
            }
        }

        if (set is not null || group is not null || interchange is not null)
        {
            var open = set ?? group ?? interchange!;
            var missing = set is not null ? "SE" : group is not null ? "GE" : "IEA";
            failures.Add(Problem.Error(
                ProblemCodes.EdiMalformed,
                $"The file ends inside the {open.Id} begun at segment {N(open.Number)}: its {missing} is missing (truncated file?).",
                open.At(documentName)));
        }

        return sets;
    }

    private static string Expected(X12Segment? interchange, X12Segment? group)
        => interchange is null ? "ISA" : group is null ? "GS or IEA" : "ST or GE";

    private static void CheckCount(X12Segment trailer, int position, int actual, string what, string code, string documentName, List<Problem> failures)
    {
        var stated = trailer[position];
        if (stated is null || !int.TryParse(stated, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value != actual)
        {
            failures.Add(Problem.Error(
                code,
                $"{trailer.Name(position)} says {stated ?? "nothing"} but there are {N(actual)} {what}.",
                trailer.At(documentName, position),
                trailer.Name(position),
                stated));
        }
    }

    private static void CheckControl(X12Segment trailer, int position, X12Segment header, int headerPosition, string documentName, List<Problem> failures)
    {
        var stated = trailer[position];
        var expected = header[headerPosition];
        if (!SameControlNumber(stated, expected))
        {
            failures.Add(Problem.Error(
                ProblemCodes.EdiControlNumber,
                $"{trailer.Name(position)} '{stated}' is not the control number of its {header.Id} at segment {N(header.Number)} ({header.Name(headerPosition)} '{expected}').",
                trailer.At(documentName, position),
                trailer.Name(position),
                stated));
        }
    }

    /// <summary>Equal as written, or as numbers when both are digits only (0001203 and 000001203 are one control number).</summary>
    private static bool SameControlNumber(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        return a.All(char.IsAsciiDigit) && b.All(char.IsAsciiDigit) && string.Equals(a.TrimStart('0'), b.TrimStart('0'), StringComparison.Ordinal);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
