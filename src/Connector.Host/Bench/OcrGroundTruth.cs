using System.Globalization;
using System.Text.Json;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Host.Bench;

/// <summary>One ground-truth field of one image against what the reader made of it.</summary>
internal sealed record OcrFieldResult(string Image, string Field, string Expected, string? Actual, bool Equal);

/// <summary>
/// One image's ground truth in the corpus schema (<c>cheques/synthetic/*.json</c>): its image file name, its kind
/// (<c>cheque</c> or <c>remittance_stub</c>), Tesseract's language for it (<c>lang</c>: eng, fra) and the whole JSON.
/// </summary>
internal sealed record GroundTruth(string Image, string Kind, string Language, JsonElement Json)
{
    public const string ChequeKind = "cheque";
    public const string StubKind = "remittance_stub";

    public bool IsCheque => Kind == ChequeKind;

    public bool IsStub => Kind == StubKind;
}

/// <summary>
/// Compares what the cheque and stub readers read with an image's ground truth, field by field: one result per
/// ground-truth field, a field the reading lacks being unequal with no actual value. How each kind of field is compared:
/// <list type="bullet">
/// <item>names (payer, payee): case-insensitively, with every run of white space taken as one space and the ends trimmed;</item>
/// <item>amounts (amount, the amount the words say, row and total amounts, discounts, net paid): as decimals;</item>
/// <item>dates (date, date_text, invoice dates; ISO yyyy-MM-dd or dd/MM/yyyy in the JSON; a stub's ISO date when it
/// has one besides its date_text): as <see cref="DateOnly"/>;</item>
/// <item>identifiers (cheque number, invoice numbers, MICR routing, account and cheque number, currency): exactly, ordinal;</item>
/// <item>free text (memo): ordinal after trimming the ends and taking every run of white space as one space (OCR
/// gives no reliable word spacing); its case is kept, since a memo is shown to people as written.</item>
/// </list>
/// </summary>
internal static class OcrGroundTruth
{
    public static GroundTruth Load(string jsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var json = document.RootElement.Clone();
        var image = json.TryGetProperty("image", out var i) ? i.GetString() ?? string.Empty : Path.ChangeExtension(Path.GetFileName(jsonPath), null);
        var kind = json.GetProperty("kind").GetString() ?? throw new InvalidDataException($"{jsonPath}: no kind.");
        if (kind is not (GroundTruth.ChequeKind or GroundTruth.StubKind))
        {
            throw new InvalidDataException($"{jsonPath}: kind '{kind}' is neither '{GroundTruth.ChequeKind}' nor '{GroundTruth.StubKind}'.");
        }

        var language = json.TryGetProperty("lang", out var l) ? l.GetString() ?? "eng" : "eng";
        return new GroundTruth(image, kind, language, json);
    }

    public static IReadOnlyList<OcrFieldResult> Compare(GroundTruth truth, ChequeReading? cheque, StubReading? stub)
    {
        var results = new List<OcrFieldResult>();
        if (truth.IsCheque)
        {
            CompareCheque(truth, cheque, results);
        }
        else
        {
            CompareStub(truth, stub, results);
        }

        return results;
    }

    private static void CompareCheque(GroundTruth truth, ChequeReading? cheque, List<OcrFieldResult> results)
    {
        var json = truth.Json;
        var add = Adder(truth, results);
        add.Exact("cheque_number", Str(json, "cheque_number"), cheque?.Number?.Value);
        add.Date("date", Str(json, "date"), cheque?.Date?.Value);
        add.Name("payer_name", Str(json, "payer_name"), cheque?.Payer?.Value);
        add.Name("payee", Str(json, "payee"), cheque?.Payee?.Value);
        add.Amount("amount", Num(json, "amount"), cheque?.AmountInFigures?.Value);
        if (json.TryGetProperty("amount_words", out var words))
        {
            // The words are compared as the amount they say; the truth's words are read by the same parser.
            var said = AmountWords.Parse(words.GetString() ?? string.Empty);
            add.Amount("amount_words", said ?? Num(json, "amount"), cheque?.AmountInWords?.Value);
        }

        add.Text("memo", Str(json, "memo"), cheque?.Memo?.Value);
        if (json.TryGetProperty("micr", out var micr))
        {
            add.Exact("micr.routing", Str(micr, "routing"), cheque?.Micr?.Routing);
            add.Exact("micr.account", Str(micr, "account"), cheque?.Micr?.Account);
            add.Exact("micr.cheque_number", Str(micr, "cheque_number"), cheque?.Micr?.ChequeNumber);
        }
    }

    private static void CompareStub(GroundTruth truth, StubReading? stub, List<OcrFieldResult> results)
    {
        var json = truth.Json;
        var add = Adder(truth, results);
        add.Exact("cheque_number", Str(json, "cheque_number"), stub?.ChequeNumber?.Value);
        // The printed date_text may be month first (US) or day first: the ISO "date" says which, when the JSON has it.
        add.Date("date_text", Str(json, "date") ?? Str(json, "date_text"), stub?.Date?.Value);
        add.Name("payer_name", Str(json, "payer_name"), stub?.Payer?.Value);
        add.Name("payee", Str(json, "payee"), stub?.Payee?.Value);
        add.Exact("currency", Str(json, "currency"), stub?.Currency);
        var rows = json.TryGetProperty("rows", out var r) ? r.EnumerateArray().ToList() : [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = stub is not null && i < stub.Rows.Count ? stub.Rows[i] : null;
            var prefix = "rows[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            add.Exact(prefix + "invoice_no", Str(rows[i], "invoice_no"), row?.Invoice?.Value);
            add.Date(prefix + "invoice_date", Str(rows[i], "invoice_date"), row?.Date?.Value);
            add.Amount(prefix + "amount", Num(rows[i], "amount"), row?.Amount?.Value);
            add.Amount(prefix + "discount", Num(rows[i], "discount"), row?.Discount?.Value);
            add.Amount(prefix + "net_paid", Num(rows[i], "net_paid"), row?.Net?.Value);
        }

        if (stub is not null && stub.Rows.Count > rows.Count)
        {
            // A row the stub does not have is a field read wrongly too.
            for (var i = rows.Count; i < stub.Rows.Count; i++)
            {
                results.Add(new OcrFieldResult(truth.Image, "rows[" + i.ToString(CultureInfo.InvariantCulture) + "]", "(no row)", stub.Rows[i].Invoice?.Value ?? "(a row)", false));
            }
        }

        if (json.TryGetProperty("total", out var total))
        {
            add.Amount("total.amount", Num(total, "amount"), stub?.Total?.Amount?.Value);
            add.Amount("total.discount", Num(total, "discount"), stub?.Total?.Discount?.Value);
            add.Amount("total.net_paid", Num(total, "net_paid"), stub?.Total?.Net?.Value);
        }
    }

    private static string? Str(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Num(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static FieldAdder Adder(GroundTruth truth, List<OcrFieldResult> results) => new(truth.Image, results);

    private readonly record struct FieldAdder(string Image, List<OcrFieldResult> Results)
    {
        public void Exact(string field, string? expected, string? actual)
        {
            if (expected is not null)
            {
                Results.Add(new OcrFieldResult(Image, field, expected, actual, actual is not null && string.Equals(expected, actual, StringComparison.Ordinal)));
            }
        }

        public void Name(string field, string? expected, string? actual)
        {
            if (expected is not null)
            {
                Results.Add(new OcrFieldResult(Image, field, expected, actual, actual is not null
                    && string.Equals(Spaces(expected), Spaces(actual), StringComparison.OrdinalIgnoreCase)));
            }
        }

        public void Text(string field, string? expected, string? actual)
        {
            if (expected is not null)
            {
                Results.Add(new OcrFieldResult(Image, field, expected, actual, actual is not null && string.Equals(Spaces(expected), Spaces(actual), StringComparison.Ordinal)));
            }
        }

        public void Amount(string field, decimal? expected, decimal? actual)
        {
            if (expected is { } value)
            {
                Results.Add(new OcrFieldResult(Image, field, Money(value), actual is { } a ? Money(a) : null, actual == value));
            }
        }

        public void Date(string field, string? expected, DateOnly? actual)
        {
            if (expected is null)
            {
                return;
            }

            var parsed = DateOnly.TryParseExact(expected, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
            Results.Add(new OcrFieldResult(Image, field, parsed is { } p ? Iso(p) : expected, actual is { } a ? Iso(a) : null, parsed is not null && actual == parsed));
        }

        private static string Spaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
