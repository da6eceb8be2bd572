using System.Text.Json;
using Connector.Mapping.Ocr;

namespace Connector.Mapping.Tests.Ocr;

/// <summary>The texts printed on a cheque, as the corpus generator (make_samples.sh) lays them out.</summary>
internal sealed record ChequeText(
    string Payer, string Address1, string Address2, string Number, string Date, string Payee, string Figures,
    string Words, string Memo, string Micr, string PayLabel = "PAY TO THE", string OrderLabel = "ORDER OF", string Currency = "DOLLARS", int PayeeX = 330)
{
    public static ChequeText From(JsonElement truth)
    {
        var micr = truth.GetProperty("micr");
        return new ChequeText(
            S(truth, "payer_name"), truth.GetProperty("payer_address")[0].GetString()!, truth.GetProperty("payer_address")[1].GetString()!,
            S(truth, "cheque_number"), S(truth, "date"), S(truth, "payee"), "$**" + S(truth, "amount_text"),
            S(truth, "amount_words") + " ********", S(truth, "memo"),
            // The E-13B on-us and transit symbols come out of the OCR as junk around the digit groups.
            $"⑈{S(micr, "cheque_number")}⑈ ⑆{S(micr, "routing")}⑆ {S(micr, "account")}⑈");
    }

    public OcrPage Page(Action<OcrPageBuilder>? smudge = null)
    {
        var page = new OcrPageBuilder(2550, 1050);
        smudge?.Invoke(page);
        return page
            .Line(60, new OcrCell(90, Payer, 13), new OcrCell(1050, "FIRST COASTAL BANK", 9), new OcrCell(2460, "No. " + Number, 12, Right: true))
            .Line(135, new OcrCell(90, Address1, 8.5), new OcrCell(1050, "Main Branch, 200 Granville St", 7.5))
            .Line(180, new OcrCell(90, Address2, 8.5), new OcrCell(1050, "Vancouver, BC V6C 1S4", 7.5))
            .Line(230, new OcrCell(2460, "DATE  " + Date, 9, Right: true))
            .Line(285, new OcrCell(2460, "Y Y Y Y - M M - D D", 6, Right: true))
            .Line(400, new OcrCell(90, PayLabel, 7), new OcrCell(PayeeX, Payee, 12), new OcrCell(1930, Figures, 13))
            .Line(432, new OcrCell(90, OrderLabel, 7))
            .Line(545, new OcrCell(90, Words, 10.5), new OcrCell(2460, Currency, 9, Right: true))
            .Line(735, new OcrCell(90, "MEMO  " + Memo, 8))
            .Line(805, new OcrCell(1800, "AUTHORIZED SIGNATURE", 6.5))
            .Line(893, new OcrCell(550, Micr, 12))
            .Build();
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;
}

/// <summary>One row of a stub's table as printed: the texts of its cells.</summary>
internal sealed record StubRowText(string Invoice, string Date, string Amount, string Discount, string Net);

/// <summary>The texts printed on a remittance stub, as the corpus generator lays them out (columns may be reordered).</summary>
internal sealed record StubText(
    string Title, string Payer, string NumberLine, string DateLine, string PayeeLine, IReadOnlyList<string> Headings,
    IReadOnlyList<StubRowText> Rows, StubRowText Total, string Foot)
{
    /// <summary>The columns in printed order, as indexes into (invoice, date, amount, discount, net).</summary>
    public int[] Order { get; init; } = [0, 1, 2, 3, 4];

    public static StubText From(JsonElement truth)
    {
        var english = truth.GetProperty("lang").GetString() == "eng";
        var cheque = truth.GetProperty("cheque_number").GetString();
        var date = truth.GetProperty("date_text").GetString();
        var payee = truth.GetProperty("payee").GetString();
        var rows = truth.GetProperty("rows").EnumerateArray().Select(r => new StubRowText(
            r.GetProperty("invoice_no").GetString()!, r.GetProperty("invoice_date_text").GetString()!, r.GetProperty("amount_text").GetString()!,
            r.GetProperty("discount_text").GetString()!, r.GetProperty("net_paid_text").GetString()!)).ToList();
        var t = truth.GetProperty("total");
        var total = new StubRowText("TOTAL", string.Empty, t.GetProperty("amount_text").GetString()!, t.GetProperty("discount_text").GetString()!, t.GetProperty("net_paid_text").GetString()!);
        return english
            ? new StubText("REMITTANCE ADVICE", truth.GetProperty("payer_name").GetString()!, $"Cheque No. {cheque}", $"Date: {date}", $"Paid to: {payee}",
                ["Invoice No", "Invoice Date", "Amount", "Discount", "Net Paid"], rows, total, "Please detach this stub before depositing the cheque.")
            : new StubText("AVIS DE PAIEMENT", truth.GetProperty("payer_name").GetString()!, $"Chèque n° {cheque}", $"Date : {date}", $"Bénéficiaire : {payee}",
                ["Facture N°", "Date facture", "Montant", "Escompte", "Net payé"], rows, total, "Veuillez détacher ce talon avant de déposer le chèque.");
    }

    public OcrPage Page(Action<OcrPageBuilder>? smudge = null)
    {
        // Column slots of the generator: two left-aligned, three right-aligned.
        (int X, bool Right)[] slots = [(120, false), (760, false), (1480, true), (1960, true), (2430, true)];
        var page = new OcrPageBuilder(2550, 1000 + (Rows.Count * 78));
        smudge?.Invoke(page);
        page.Line(60, new OcrCell(120, Title, 14))
            .Line(150, new OcrCell(120, Payer, 10), new OcrCell(2430, NumberLine, 9, Right: true))
            .Line(230, new OcrCell(120, PayeeLine, 9), new OcrCell(2430, DateLine, 9, Right: true))
            .Line(560, [.. Order.Select((column, slot) => new OcrCell(slots[slot].X, Headings[column], 9.5, slots[slot].Right))]);
        var y = 650;
        foreach (var row in Rows.Append(Total))
        {
            string[] cells = [row.Invoice, row.Date, row.Amount, row.Discount, row.Net];
            page.Line(row == Total ? y + 35 : y, [.. Order.Select((column, slot) => new OcrCell(slots[slot].X, cells[column], 9.5, slots[slot].Right)).Where(c => c.Text.Length > 0)]);
            y += 78;
        }

        return page.Line(y + 185, new OcrCell(120, Foot, 7)).Build();
    }
}
