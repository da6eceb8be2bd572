using System.Text;

namespace Connector.Mapping.Reading;

/// <summary>The encodings a CSV profile may name, and the byte order marks that override them.</summary>
internal static class CsvEncodings
{
    /// <summary>The encoding to decode (null: UTF-8, passed through) and the length of the byte order mark.</summary>
    public static (Encoding? Encoding, int Bom) Detect(ReadOnlySpan<byte> head, string profileEncoding)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (null, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return profileEncoding switch
        {
            "windows-1252" => (Encoding.GetEncoding(1252), 0),
            "iso-8859-1" => (Encoding.Latin1, 0),
            "iso-8859-15" => (Encoding.GetEncoding(28605), 0),
            "utf-16" => (Encoding.Unicode, 0),
            _ => (null, 0),
        };
    }

    /// <summary>NUL bytes (NUL characters in UTF-16) in the first bytes mean a binary file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head, Encoding? encoding)
    {
        if (encoding is UnicodeEncoding)
        {
            var even = head.Length & ~1;
            for (var i = 0; i + 1 < even; i += 2)
            {
                if (head[i] == 0 && head[i + 1] == 0)
                {
                    return true;
                }
            }

            return false;
        }

        return head.Contains((byte)0);
    }
}
