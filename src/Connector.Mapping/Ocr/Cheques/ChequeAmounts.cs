namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The cheque's amount in figures (after a $ or € sign or stars) and in words (the line that reads as one).</summary>
internal static class ChequeAmounts
{
    public static OcrField<decimal>? FindFigures(IReadOnlyList<IReadOnlyList<OcrWord>> lines, OcrReaderOptions options)
    {
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Count; i++)
            {
                var text = line[i].Text;
                if (!(text.Contains('$', StringComparison.Ordinal) || text.Contains('€', StringComparison.Ordinal) || text.StartsWith('*')))
                {
                    continue;
                }

                var words = new List<OcrWord> { line[i] };
                // A group separator read apart ("$**46 , 837.06") is taken when figures follow it.
                for (var j = i + 1; j < line.Count && (FigureStyle.LooksLikeAmount(line[j].Text) || line[j].Text is "€" or "$"
                    || (line[j].Text is "," or "." && j + 1 < line.Count && FigureStyle.LooksLikeAmount(line[j + 1].Text))); j++)
                {
                    words.Add(line[j]);
                }

                var joined = OcrText.Join(words);
                if (!FigureStyle.LooksLikeAmount(joined))
                {
                    continue;
                }

                var style = FigureStyle.Decide([joined], options.Currency == "EUR" || joined.Contains('€', StringComparison.Ordinal) ? FigureStyle.DecimalComma : FigureStyle.DecimalPoint);
                if (style.Parse(joined) is { } value)
                {
                    return OcrField<decimal>.From(value, words);
                }
            }
        }

        return Unmarked(lines, options);
    }

    /// <summary>No amount with a sign or stars: a lone figure with two decimals, on the payee's line first.</summary>
    private static OcrField<decimal>? Unmarked(IReadOnlyList<IReadOnlyList<OcrWord>> lines, OcrReaderOptions options)
    {
        var ordered = lines.OrderBy(l => OcrText.Fold(OcrText.Join(l)) is var t && (t.Contains("order", StringComparison.Ordinal) || t.Contains("ordre", StringComparison.Ordinal) || t.Contains("pay", StringComparison.Ordinal)) ? 0 : 1);
        foreach (var word in ordered.SelectMany(l => l))
        {
            var clean = FigureStyle.Clean(word.Text);
            if (FigureStyle.LooksLikeAmount(word.Text) && clean.Length > 3 && clean[^3] is '.' or ','
                && FigureStyle.Decide([clean], options.Currency == "EUR" ? FigureStyle.DecimalComma : FigureStyle.DecimalPoint).Parse(clean) is { } value)
            {
                return OcrField<decimal>.From(value, [word]);
            }
        }

        return null;
    }

    public static OcrField<decimal>? FindWords(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var words = Wordy(lines[i]);
            // A number word of three letters or more ("one", "six", "mille") makes a line an amount in words; a stray
            // digit with an "a" (handwriting read as "7 a") does not.
            if (!words.Any(w => w.Text.Count(char.IsLetter) >= 3) || AmountWords.Parse(OcrText.Join(words)) is not { } value)
            {
                continue;
            }

            // An amount too long for one line goes on in the next: taken with it when the two read as one amount.
            // A line that ends with its cents (the fraction) is whole: the next line is not read into it.
            var next = i + 1 < lines.Count && !words.Any(w => AmountWords.IsFraction(w.Text)) ? Wordy(lines[i + 1]) : [];
            if (next.Any(w => w.Text.Any(char.IsLetter)) && AmountWords.Parse(OcrText.Join(words.Concat(next))) is { } joined && joined != value)
            {
                return OcrField<decimal>.From(joined, [.. words, .. next]);
            }

            return OcrField<decimal>.From(value, words);
        }

        return null;
    }

    /// <summary>
    /// The words of a line that can be part of an amount in words: not the currency, not the star fill or other marks
    /// without a letter or digit, and nothing after the cents fraction (the fill after it reads as junk such as "**##4x««").
    /// </summary>
    private static List<OcrWord> Wordy(IReadOnlyList<OcrWord> line)
    {
        var words = line.Where(w => w.Text.Any(char.IsLetterOrDigit) && !NumberWords.IsCurrency(OcrText.Fold(w.Text.Trim('*')))).ToList();
        var fraction = words.FindIndex(w => AmountWords.IsFraction(w.Text.Trim('*')));
        return fraction >= 0 ? words[..(fraction + 1)] : words;
    }
}
