namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Whether an invoice reference read with low confidence looks like the stub's other references: the same shape
/// (letters as A, digits as 9, the rest as they are: "INV-2026-00346" is "AAA-9999-99999") and the same character
/// wherever all the others agree ("INV-2026-00" when they run from 00340 to 00375), so that a zero misread as 9 in
/// the part they share ("INV-2026-90230") is not taken as confirmed.
/// </summary>
internal static class StubShapes
{
    public static string Of(string reference)
        => new([.. reference.Select(c => char.IsAsciiDigit(c) ? '9' : char.IsLetter(c) ? 'A' : c)]);

    /// <summary>Whether <paramref name="reference"/> fits the other references: two or more, most of them, have its shape and agree with it wherever they all agree.</summary>
    public static bool Fits(string reference, IEnumerable<string?> others)
    {
        var shape = Of(reference);
        var all = others.Where(o => !string.IsNullOrEmpty(o)).Select(o => o!).ToList();
        var same = all.Where(o => Of(o) == shape).ToList();
        if (same.Count < 2 || same.Count * 2 <= all.Count)
        {
            return false;
        }

        for (var i = 0; i < reference.Length; i++)
        {
            if (same.All(o => o[i] == same[0][i]) && reference[i] != same[0][i])
            {
                return false;
            }
        }

        return true;
    }
}
