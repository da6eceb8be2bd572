using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>Checks and uses .NET exact date formats.</summary>
internal static class DateFormats
{
    private static readonly DateTime Sample = new(2031, 12, 28, 13, 45, 59, DateTimeKind.Unspecified);

    /// <summary>A format is valid when it writes a date that it reads back as the same day.</summary>
    public static bool IsValid(string format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return false;
        }

        try
        {
            var text = Sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var back)
                && back.Date == Sample.Date;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static void Check(YamlDoc doc, IReadOnlyList<string> formats, string key, YamlNode node)
    {
        for (var i = 0; i < formats.Count; i++)
        {
            if (!IsValid(formats[i]))
            {
                doc.Error(YamlDoc.Item(key, i), $"'{formats[i]}' is not a .NET date format with year, month and day (e.g. dd/MM/yyyy)", node);
            }
        }
    }

    public static bool TryParse(ReadOnlySpan<char> text, IReadOnlyList<string> formats, out DateOnly date)
    {
        text = text.Trim();
        for (var i = 0; i < formats.Count; i++)
        {
            if (DateTime.TryParseExact(text, formats[i], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value))
            {
                date = DateOnly.FromDateTime(value);
                return true;
            }
        }

        date = default;
        return false;
    }
}
