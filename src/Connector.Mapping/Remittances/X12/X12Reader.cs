using System.Text;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.X12;

/// <summary>
/// Reads an ANSI X12 820 (payment order / remittance advice) interchange: one remittance per ST/SE transaction set.
/// The separators come from the ISA header; the envelopes are checked first (segment counts, set and group counts,
/// control numbers) and any failure fails the whole file, naming the segment number, line and element.
/// </summary>
internal static class X12Reader
{
    /// <summary>Whether the start of a file is an X12 interchange (ISA) that holds, as far as the head shows, 820s.</summary>
    public static bool Sniff(ReadOnlySpan<byte> head)
    {
        if (!X12Tokenizer.StartsWithIsa(head))
        {
            return false;
        }

        var segments = X12Tokenizer.Split(Encoding.Latin1.GetString(head).TrimStart('\u00EF', '\u00BB', '\u00BF'), "head", out _, out _);
        if (segments is null)
        {
            return false;
        }

        // The head may end inside a segment: judge by the first ST, else the first GS (functional group RA), else the ISA alone.
        var st = segments.FirstOrDefault(s => s.Id == "ST" && s.Elements.Length > 2);
        if (st is not null)
        {
            return st[1] == "820";
        }

        var gs = segments.FirstOrDefault(s => s.Id == "GS" && s.Elements.Length > 2);
        return gs is null || gs[1] == "RA";
    }

    /// <summary>
    /// The 820 transaction sets of the file and the envelope failures (none when the envelopes are sound). Used by
    /// <see cref="Read"/>, and by tests that look at the content of a file whose envelope fails.
    /// </summary>
    public static (IReadOnlyList<X12TransactionSet> Sets, IReadOnlyList<Problem> Failures) Parse(byte[] content, string documentName)
    {
        var failures = new List<Problem>();
        var segments = X12Tokenizer.Split(X12Tokenizer.Decode(content), documentName, out _, out var problem);
        if (segments is null)
        {
            failures.Add(problem!);
            return ([], failures);
        }

        var sets = X12Envelope.Walk(segments, documentName, failures);
        return (sets, failures);
    }

    /// <summary>The remittances of the whole file, or none when it fails (then the context says why).</summary>
    public static IReadOnlyList<MappedRemittance> Read(Stream stream, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var content = BankFileBytes.ReadAll(stream, context);
        if (content is null)
        {
            return [];
        }

        var (sets, failures) = Parse(content, context.DocumentName);
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                context.Fail(failure);
            }

            return [];
        }

        var remittances = new List<MappedRemittance>();
        foreach (var set in sets)
        {
            if (set.Code != "820")
            {
                context.Report(Problem.Warning(
                    ProblemCodes.EdiUnsupportedSet,
                    $"Transaction set {set.ControlNumber} is an X12 {set.Code}, not an 820 remittance: skipped.",
                    set.Header.At(context.DocumentName, 1),
                    "ST01",
                    set.Code));
                continue;
            }

            remittances.Add(X12Remittance.Map(set, entityCode, context.DocumentName));
        }

        if (sets.Count == 0)
        {
            context.Fail(Problem.Error(ProblemCodes.EdiMalformed, "The interchange holds no transaction set: there is nothing to import.", context.At()));
            return [];
        }

        context.RowsRead += remittances.Count;
        return remittances;
    }
}
