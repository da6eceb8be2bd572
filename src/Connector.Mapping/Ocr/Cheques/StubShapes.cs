namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The shape of an invoice reference: letters as A, digits as 9, the rest as they are ("INV-2026-00346" is "AAA-9999-99999").</summary>
internal static class StubShapes
{
    public static string Of(string reference)
        => new([.. reference.Select(c => char.IsAsciiDigit(c) ? '9' : char.IsLetter(c) ? 'A' : c)]);

    /// <summary>The shape more than half of a stub's references have, when there are two or more; else null.</summary>
    public static string? Dominant(IEnumerable<string?> references)
    {
        var shapes = references.Where(r => !string.IsNullOrEmpty(r)).Select(r => Of(r!)).ToList();
        var top = shapes.GroupBy(s => s, StringComparer.Ordinal).MaxBy(g => g.Count());
        return top is not null && shapes.Count >= 2 && top.Count() * 2 > shapes.Count ? top.Key : null;
    }
}
