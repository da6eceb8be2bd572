using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>
/// A scan profile (<c>format: scan</c>): scanned cheques and remittance stubs, read by OCR. Nothing is mapped (the
/// readers know the fields of a cheque and of a stub); the <c>scan:</c> section says how to read the pages.
/// </summary>
internal static partial class ScanProfileParser
{
    private static readonly string[] NotForScans = ["csv", "xlsx", "numbers", "dates", "credit_notes", "fields", "value_maps", "record", "advice_only"];

    public static ConfigResult<MappingProfile> Parse(YamlDoc doc, Dictionary<string, YamlNode> e, string name, string filePath)
    {
        foreach (var section in NotForScans.Where(e.ContainsKey))
        {
            doc.Error(section, $"a {section} section in a scan profile: cheques and stubs are read by OCR and need no mapping", e[section]);
        }

        var profile = new MappingProfile
        {
            Name = name,
            Description = doc.String(e, string.Empty, "description"),
            Format = ProfileFormat.Scan,
            Record = ProfileRecord.Remittance,
            AdviceOnly = false,
            FilePath = filePath,
            Fields = new Dictionary<CanonicalField, FieldSpec>(),
            Scan = ParseOptions(doc, e),
        };
        return ConfigResult<MappingProfile>.From(profile, doc.Errors);
    }

    private static ScanOptions ParseOptions(YamlDoc doc, Dictionary<string, YamlNode> e)
    {
        var node = doc.Mapping(e, string.Empty, "scan");
        var options = new ScanOptions();
        if (node is null)
        {
            return options;
        }

        var s = doc.Entries(node, "scan", "language", "day_first", "confidence_floor", "max_pages", "max_file_mb");
        if (doc.String(s, "scan", "language") is { } language)
        {
            if (Languages().IsMatch(language))
            {
                options = options with { Language = language };
            }
            else
            {
                doc.Error("scan.language", $"'{language}' is not a list of Tesseract languages such as eng, fra or eng+fra", s["language"]);
            }
        }

        if (doc.Bool(s, "scan", "day_first") is { } dayFirst)
        {
            options = options with { DayFirst = dayFirst };
        }

        if (doc.Int(s, "scan", "confidence_floor", 0, 100) is { } floor)
        {
            options = options with { ConfidenceFloor = floor };
        }

        if (doc.Int(s, "scan", "max_pages", 1, 500) is { } pages)
        {
            options = options with { MaxPages = pages };
        }

        if (doc.Int(s, "scan", "max_file_mb", 1, 1024) is { } megabytes)
        {
            options = options with { MaxFileBytes = megabytes * 1024L * 1024 };
        }

        return options;
    }

    /// <summary>Tesseract language codes (three letters, or a script/… name) joined by '+'; nothing that could be a path.</summary>
    [GeneratedRegex("^[a-z][a-z_]{1,20}(\\+[a-z][a-z_]{1,20})*$")]
    private static partial Regex Languages();
}
