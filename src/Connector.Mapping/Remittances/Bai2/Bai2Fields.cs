using System.Text;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>
/// The fields of one logical BAI2 record: the record's text and the texts of its 88 continuations. A continuation
/// starts a new field (a field may not be split); a field ended by a comma is followed by another in the same record
/// (so <c>a,b,</c> holds a, b and an empty field). The 16 text is what remains, its pieces joined by a blank.
/// </summary>
internal sealed class Bai2Fields(IReadOnlyList<string> segments)
{
    private int _segment;
    private int _position;

    public bool HasMore => _segment < segments.Count;

    /// <summary>The next field, or "" once all are read (defaulted trailing fields).</summary>
    public string Next()
    {
        if (!HasMore)
        {
            return "";
        }

        var text = segments[_segment];
        var comma = text.IndexOf(',', _position);
        if (comma >= 0)
        {
            var field = text[_position..comma];
            _position = comma + 1;
            return field;
        }

        var last = text[_position..];
        _segment++;
        _position = 0;
        return last;
    }

    /// <summary>
    /// Some banks end a record that an 88 continues with one comma too many (<c>03,acct,USD,010,500,,,/</c>): the empty
    /// field after that last comma is no field when a continuation follows, and is skipped.
    /// </summary>
    public void SkipTrailingEmpty()
    {
        if (_segment < segments.Count - 1 && _position > 0 && _position == segments[_segment].Length)
        {
            _segment++;
            _position = 0;
        }
    }

    /// <summary>Everything not yet read: the text field of a 16, continuations joined by a blank, trimmed.</summary>
    public string Rest()
    {
        var text = new StringBuilder();
        for (; _segment < segments.Count; _segment++, _position = 0)
        {
            var piece = segments[_segment][_position..].Trim();
            if (piece.Length > 0)
            {
                text.Append(text.Length > 0 ? " " : "").Append(piece);
            }
        }

        return text.ToString();
    }
}
