using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>Parses a mapping profile (see mappings/README.md), reporting every error with its key path and line.</summary>
internal static class ProfileParser
{
    private static readonly string[] Encodings = ["utf-8", "windows-1252", "iso-8859-1", "iso-8859-15", "utf-16"];

    public static ConfigResult<MappingProfile> Parse(string yaml, string filePath, IReadOnlyDictionary<string, ValueMap> sharedMaps)
    {
        var doc = YamlDoc.Load(yaml, filePath, out var root);
        if (root is null)
        {
            return new(null, doc.Errors);
        }

        var e = doc.Entries(root, string.Empty, "name", "description", "format", "csv", "xlsx", "numbers", "dates", "credit_notes", "fields", "value_maps", "record", "advice_only", "scan");
        var name = doc.String(e, string.Empty, "name", required: true, parent: root);
        var expected = Path.GetFileNameWithoutExtension(filePath);
        if (name is not null && !string.Equals(name, expected, StringComparison.Ordinal))
        {
            doc.Error("name", $"'{name}' must equal the file name without .yaml ('{expected}')", e["name"]);
        }

        var formatText = doc.String(e, string.Empty, "format", required: true, parent: root);
        ProfileFormat? format = formatText switch
        {
            null => null,
            "csv" => ProfileFormat.Csv,
            "xlsx" => ProfileFormat.Xlsx,
            "einvoice" => ProfileFormat.EInvoice,
            "bank" => ProfileFormat.Bank,
            "scan" => ProfileFormat.Scan,
            _ => null,
        };
        if (formatText is not null && format is null)
        {
            doc.Error("format", $"'{formatText}' is not a format: bank, csv, einvoice, scan or xlsx", e["format"]);
        }

        if (format == ProfileFormat.Bank)
        {
            return ParseBank(doc, e, name ?? expected, filePath);
        }

        if (format == ProfileFormat.Scan)
        {
            return ScanProfileParser.Parse(doc, e, name ?? expected, filePath);
        }

        if (e.TryGetValue("scan", out var stray))
        {
            doc.Error("scan", "a scan section belongs in a profile of format scan", stray);
        }

        var record = ProfileRecords.Parse(doc, e, format);
        var csv = ParseCsv(doc, e, format);
        var xlsx = ParseXlsx(doc, e, format);
        var numbers = ParseNumbers(doc, e);
        var dateFormats = ParseDates(doc, e);
        var credit = ParseCreditNotes(doc, e);
        var localMaps = ValueMapParsing.ParseMaps(doc, doc.Mapping(e, string.Empty, "value_maps"), "value_maps");
        var einvoice = format == ProfileFormat.EInvoice;
        var fields = FieldSpecParser.ParseFields(
            doc,
            doc.Mapping(e, string.Empty, "fields"),
            root,
            localMaps,
            sharedMaps,
            csv.Header || format != ProfileFormat.Csv,
            einvoice ? EInvoicing.Mapping.BusinessTerms.All : null,
            record);
        ProfileRecords.CheckFields(doc, record, fields, e);

        var profile = new MappingProfile
        {
            Name = name ?? expected,
            Description = doc.String(e, string.Empty, "description"),
            Format = format ?? ProfileFormat.Csv,
            Record = record,
            AdviceOnly = ProfileRecords.AdviceOnly(doc, e, record),
            FilePath = filePath,
            Csv = csv,
            Xlsx = xlsx,
            Numbers = numbers,
            DateFormats = dateFormats,
            CreditNotes = credit,
            Fields = fields,
            ValueMaps = localMaps,
        };
        return ConfigResult<MappingProfile>.From(profile, doc.Errors);
    }

    /// <summary>A bank profile names the format only: the file's own format is detected by content, its fields are the bank's.</summary>
    private static ConfigResult<MappingProfile> ParseBank(YamlDoc doc, Dictionary<string, YamlNode> e, string name, string filePath)
    {
        foreach (var section in new[] { "csv", "xlsx", "numbers", "dates", "credit_notes", "fields", "value_maps", "scan", "record", "advice_only" }.Where(e.ContainsKey))
        {
            doc.Error(section, $"a {section} section in a bank profile: bank files are recognised by their content and need no mapping", e[section]);
        }

        var profile = new MappingProfile
        {
            Name = name,
            Description = doc.String(e, string.Empty, "description"),
            Format = ProfileFormat.Bank,
            FilePath = filePath,
            Fields = new Dictionary<CanonicalField, FieldSpec>(),
        };
        return ConfigResult<MappingProfile>.From(profile, doc.Errors);
    }

    private static CsvOptions ParseCsv(YamlDoc doc, Dictionary<string, YamlNode> e, ProfileFormat? format)
    {
        var node = doc.Mapping(e, string.Empty, "csv");
        if (node is null)
        {
            return new CsvOptions();
        }

        if (format is ProfileFormat.Xlsx or ProfileFormat.EInvoice)
        {
            doc.Error("csv", $"a csv section in an {(format == ProfileFormat.Xlsx ? "xlsx" : "einvoice")} profile", node);
        }

        var c = doc.Entries(node, "csv", "delimiter", "quote", "encoding", "skip_rows", "header", "multiline");
        var options = new CsvOptions();
        var delimiter = OneCharacter(doc, c, "csv", "delimiter");
        var quote = OneCharacter(doc, c, "csv", "quote");
        var encoding = doc.String(c, "csv", "encoding")?.Trim().ToLowerInvariant();
        if (encoding is not null && Array.IndexOf(Encodings, encoding) < 0)
        {
            doc.Error("csv.encoding", $"'{encoding}' is not supported: {string.Join(", ", Encodings)}", c["encoding"]);
            encoding = null;
        }

        if (delimiter is not null && delimiter == quote)
        {
            doc.Error("csv.quote", "the quote cannot be the delimiter", c["quote"]);
        }

        return options with
        {
            Delimiter = delimiter ?? options.Delimiter,
            Quote = quote ?? options.Quote,
            Encoding = encoding ?? options.Encoding,
            SkipRows = doc.Int(c, "csv", "skip_rows", 0, 1_000_000) ?? 0,
            Header = doc.Bool(c, "csv", "header") ?? true,
            Multiline = doc.Bool(c, "csv", "multiline") ?? true,
        };
    }

    private static char? OneCharacter(YamlDoc doc, Dictionary<string, YamlNode> c, string path, string key)
    {
        var text = doc.String(c, path, key);
        if (text is null)
        {
            return null;
        }

        if (text == "\\t")
        {
            return '\t';
        }

        if (text.Length != 1 || text[0] > 127 || text[0] is '\r' or '\n')
        {
            doc.Error(YamlDoc.Child(path, key), $"'{text}' must be one ASCII character (or \\t)", c[key]);
            return null;
        }

        return text[0];
    }

    private static XlsxOptions ParseXlsx(YamlDoc doc, Dictionary<string, YamlNode> e, ProfileFormat? format)
    {
        var node = doc.Mapping(e, string.Empty, "xlsx");
        if (node is null)
        {
            return new XlsxOptions();
        }

        if (format is ProfileFormat.Csv or ProfileFormat.EInvoice)
        {
            doc.Error("xlsx", $"an xlsx section in a {(format == ProfileFormat.Csv ? "csv" : "einvoice")} profile", node);
        }

        var x = doc.Entries(node, "xlsx", "sheet", "header_row");
        var sheet = doc.String(x, "xlsx", "sheet");
        int? index = null;
        if (sheet is not null && int.TryParse(sheet, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number < 1)
            {
                doc.Error("xlsx.sheet", "a sheet index starts at 1", x["sheet"]);
            }

            index = number;
            sheet = null;
        }

        return new XlsxOptions
        {
            SheetName = string.IsNullOrWhiteSpace(sheet) ? null : sheet,
            SheetIndex = index,
            HeaderRow = doc.Int(x, "xlsx", "header_row", 1, 1_048_576) ?? 1,
        };
    }

    private static NumberStyle ParseNumbers(YamlDoc doc, Dictionary<string, YamlNode> e)
    {
        var node = doc.Mapping(e, string.Empty, "numbers");
        if (node is null)
        {
            return new NumberStyle();
        }

        var n = doc.Entries(node, "numbers", "decimal", "group");
        var dec = doc.String(n, "numbers", "decimal");
        if (dec is not null && dec is not "," and not ".")
        {
            doc.Error("numbers.decimal", $"'{dec}' must be \",\" or \".\"", n["decimal"]);
            dec = null;
        }

        var decimalChar = dec?[0] ?? '.';
        var group = doc.String(n, "numbers", "group") ?? string.Empty;
        if (group.Contains(decimalChar, StringComparison.Ordinal))
        {
            doc.Error("numbers.group", "the group separators cannot include the decimal separator", n["group"]);
        }

        if (group.Contains(' ', StringComparison.Ordinal))
        {
            group += "\u00A0\u202F";
        }

        if (group.Any(char.IsDigit))
        {
            doc.Error("numbers.group", "digits cannot be group separators", n["group"]);
        }

        return new NumberStyle { Decimal = decimalChar, Group = group };
    }

    private static List<string> ParseDates(YamlDoc doc, Dictionary<string, YamlNode> e)
    {
        var node = doc.Mapping(e, string.Empty, "dates");
        if (node is null)
        {
            return ["yyyy-MM-dd"];
        }

        var d = doc.Entries(node, "dates", "formats");
        var formats = doc.StringList(d, "dates", "formats");
        if (formats is null || formats.Count == 0)
        {
            return ["yyyy-MM-dd"];
        }

        DateFormats.Check(doc, formats, "dates.formats", d["formats"]);
        return formats;
    }

    private static CreditNoteOptions ParseCreditNotes(YamlDoc doc, Dictionary<string, YamlNode> e)
    {
        var node = doc.Mapping(e, string.Empty, "credit_notes");
        if (node is null)
        {
            return new CreditNoteOptions();
        }

        var c = doc.Entries(node, "credit_notes", "flip_sign", "negative_total_is_credit");
        return new CreditNoteOptions
        {
            FlipSign = doc.Bool(c, "credit_notes", "flip_sign") ?? false,
            NegativeTotalIsCredit = doc.Bool(c, "credit_notes", "negative_total_is_credit") ?? false,
        };
    }
}
