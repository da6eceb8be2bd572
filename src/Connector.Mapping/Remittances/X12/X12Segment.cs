using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>One segment: its 1-based position in the file, the line it starts on, its id and its elements (trimmed; [0] is the id).</summary>
internal sealed record X12Segment(int Number, int Line, string[] Elements)
{
    public string Id => Elements[0];

    /// <summary>Element n (1-based, as X12 numbers them: BPR02 is <c>this[2]</c>), or null when absent or blank.</summary>
    public string? this[int position] => position < Elements.Length && Elements[position].Length > 0 ? Elements[position] : null;

    /// <summary>The element's name as X12 writes it: BPR02.</summary>
    public string Name(int position) => Id + position.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Where an element of this segment is, for problems: the line, and e.g. "segment 4 BPR02".</summary>
    public SourceLocation At(string documentName, int? position = null)
        => new(documentName, Line, $"segment {Number.ToString(CultureInfo.InvariantCulture)} {(position is { } p ? Name(p) : Id)}");
}

/// <summary>The separators an interchange declares in its ISA header.</summary>
internal sealed record X12Separators(char Element, char SubElement, char Segment);
