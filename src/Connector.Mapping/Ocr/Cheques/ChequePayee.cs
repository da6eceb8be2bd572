namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// The payee of a cheque: the words after its PAY TO THE ORDER OF / PAYEZ A L'ORDRE DE label. The label is often
/// printed small and on two stacked lines, so the engine reads it damaged: merged ("paYTOTHE"), a letter or two off
/// ("onveR of", "ORDER Oe"), with rule fragments ("~=—") after it. The label is therefore matched word by word against
/// the label's words in order, each OCR word standing for one or more consecutive label words a letter or two off; only
/// a match that holds a strong label word (pay, payez, order, ordre) is taken off, so a payee named "The ..." or
/// "De ..." after a clean label keeps its whole name.
/// </summary>
internal static class ChequePayee
{
    private static readonly string[][] Labels =
    [
        ["pay", "to", "the", "order", "of"],
        ["payez", "contre", "ce", "cheque", "a", "lordre", "de"],
        ["payez", "a", "lordre", "de"],
    ];

    /// <summary>A word read a few letters off a label word only counts as one when the engine was unsure of it: a payee printed clean ("Border ...") is read with confidence.</summary>
    private const double FuzzyBelow = 90;

    /// <summary>A scrap of one or two letters after the label read below this confidence is the label's.</summary>
    private const double ScrapBelow = 60;

    private static readonly HashSet<string> Strong = new(["pay", "payez", "order", "ordre", "lordre"], StringComparer.Ordinal);

    public static OcrField<string>? Find(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        foreach (var line in lines)
        {
            var label = LabelLength(line);
            if (label == 0)
            {
                continue;
            }

            if (Name(line.Skip(label)) is { } payee)
            {
                return payee;
            }
        }

        // No label read at all: the words before the amount in figures, on its line.
        foreach (var line in lines)
        {
            var amount = line.ToList().FindIndex(IsAmountMark);
            if (amount > 0 && Name(line.Take(amount)) is { } payee)
            {
                return payee;
            }
        }

        return null;
    }

    /// <summary>How many leading words of a line are the pay label (with rule fragments among them); 0 when it does not start with one.</summary>
    internal static int LabelLength(IReadOnlyList<OcrWord> line)
    {
        var best = 0;
        foreach (var label in Labels)
        {
            for (var start = 0; start < label.Length; start++)
            {
                var (words, strong) = Match(line, label, start);
                if (strong && words > best)
                {
                    best = words;
                }
            }
        }

        // Rule fragments, stray marks and unsure scraps of the label ("pavTO ME ~~": one or two letters read with low
        // confidence) right after the label are no part of the name.
        while (best > 0 && best < line.Count && !IsAmountMark(line[best])
            && (IsJunk(line[best]) || (Letters(line[best].Text).Length <= 2 && line[best].Confidence < ScrapBelow && !line[best].Text.Any(char.IsAsciiDigit))))
        {
            best++;
        }

        return best;
    }

    private static (int Words, bool Strong) Match(IReadOnlyList<OcrWord> line, string[] label, int start)
    {
        var (position, words, matched, strong) = (start, 0, 0, false);
        for (var i = 0; i < line.Count && position < label.Length; i++)
        {
            var letters = Letters(line[i].Text);
            if (letters.Length == 0)
            {
                if (line[i].Text.Any(char.IsAsciiDigit) || IsAmountMark(line[i]))
                {
                    break;
                }

                continue;
            }

            // The run of label words this word reads closest to (a tie goes to the longer run).
            var (take, distance) = (0, int.MaxValue);
            for (var n = label.Length - position; n >= 1; n--)
            {
                var run = string.Concat(label.Skip(position).Take(n));
                if ((letters == run || (line[i].Confidence < FuzzyBelow && Near(letters, run))) && Levenshtein(letters, run) < distance)
                {
                    (take, distance) = (n, Levenshtein(letters, run));
                }
            }

            if (take == 0)
            {
                break;
            }

            strong |= label.Skip(position).Take(take).Any(Strong.Contains);
            position += take;
            matched++;
            words = i + 1;
        }

        return (matched == 0 ? 0 : words, strong);
    }

    private static OcrField<string>? Name(IEnumerable<OcrWord> words)
    {
        var name = words.SkipWhile(IsJunk)
            .TakeWhile(w => !IsAmountMark(w))
            .ToList();
        while (name.Count > 0 && IsJunk(name[^1]))
        {
            name.RemoveAt(name.Count - 1);
        }

        return name.Any(w => Letters(w.Text).Length >= 2) ? ChequeReader.Text(name) : null;
    }

    /// <summary>A rule fragment or stray mark: no letter, and more marks than digits ("~=—", "=©6-"); "3M" or "1-800" are not.</summary>
    private static bool IsJunk(OcrWord word)
        => Letters(word.Text).Length == 0 && word.Text.Count(c => !char.IsLetterOrDigit(c)) >= word.Text.Count(char.IsAsciiDigit);

    private static bool IsAmountMark(OcrWord word)
        => word.Text.Contains('$', StringComparison.Ordinal) || word.Text.Contains('€', StringComparison.Ordinal) || word.Text.StartsWith('*');

    private static string Letters(string text) => new([.. OcrText.Fold(text).Where(char.IsLetter)]);

    /// <summary>Equal but for a few letters: none for one letter, one up to four letters, two up to six, three from seven ("ONDERCE." for ORDER OF).</summary>
    private static bool Near(string read, string label)
    {
        var allowed = label.Length switch { <= 1 => 0, <= 4 => 1, < 7 => 2, _ => 3 };
        return Math.Abs(read.Length - label.Length) <= allowed && Levenshtein(read, label) <= allowed;
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
