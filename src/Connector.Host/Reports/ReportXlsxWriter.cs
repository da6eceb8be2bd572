using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Connector.Host.Reports.XlsxSheetBuilder;

namespace Connector.Host.Reports;

/// <summary>
/// Writes a <see cref="ReconciliationReport"/> as an XLSX workbook: sheets Totals (run, control totals per currency,
/// record counts, packages), Exceptions (by code), Set aside (record by record), Documents and, when the run read bank
/// files, Payments. Numbers are numeric cells, text is inline strings neutralised
/// against formula injection.
/// </summary>
internal static class ReportXlsxWriter
{
    public static void Write(ReconciliationReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = CreateStylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        AddSheet(workbookPart, sheets, "Totals", TotalsSheet(report), [14, 16, 12, 18, 16]);
        AddSheet(workbookPart, sheets, "Exceptions", ExceptionsSheet(report), [36, 10]);
        AddSheet(workbookPart, sheets, "Set aside", SetAsideSheet(report), [22, 40, 8, 10, 14, 28, 80]);
        AddSheet(workbookPart, sheets, "Documents", DocumentsSheet(report), [48, 14, 10, 66, 80]);
        if (report.Payments is { } payments)
        {
            AddSheet(workbookPart, sheets, "Payments", ReportXlsxPayments.Sheet(payments), [34, 30, 30, 10, 14, 14, 30, 80]);
        }
        workbookPart.Workbook.Save();
    }

    private static XlsxSheetBuilder TotalsSheet(ReconciliationReport report)
    {
        var sheet = new XlsxSheetBuilder();
        sheet.Row().Text("Reconciliation report", Styles.Bold);
        sheet.Row().Text("Entity", Styles.Bold).Text(report.EntityCode).Text(report.EntityName);
        sheet.Row().Text("Run", Styles.Bold).Number(report.RunId);
        sheet.Row().Text("Trigger", Styles.Bold).Text(report.Trigger);
        sheet.Row().Text("Started", Styles.Bold).Text(ReportFormat.Timestamp(report.StartedAt));
        sheet.Row().Text("Finished", Styles.Bold).Text(report.FinishedAt is { } end ? ReportFormat.Timestamp(end) : "not finished");
        sheet.Row().Text("Status", Styles.Bold).Text(report.Balanced ? "Balanced" : "NOT BALANCED", report.Balanced ? Styles.Bold : Styles.Alert);

        sheet.Blank();
        sheet.Row().Text("Currency", Styles.Bold).Text("Measure", Styles.Bold).Text("Records", Styles.Bold).Text("Amount", Styles.Bold).Text("Status", Styles.Bold);
        foreach (var totals in report.Totals)
        {
            TotalsRow(sheet, totals.Currency, "Source", totals.Source);
            TotalsRow(sheet, totals.Currency, "Exported", totals.Exported);
            TotalsRow(sheet, totals.Currency, "Excepted", totals.Excepted);
            TotalsRow(sheet, totals.Currency, "Skipped", totals.Skipped);
            TotalsRow(sheet, totals.Currency, "Pending", totals.Pending);
            TotalsRow(sheet, totals.Currency, "Difference", totals.Difference)
                .Text(totals.Balanced ? "Balanced" : "NOT BALANCED", totals.Balanced ? Styles.Bold : Styles.Alert);
        }

        sheet.Blank();
        sheet.Row().Text("Records", Styles.Bold).Text("Count", Styles.Bold);
        sheet.Row().Text("Read").Number(report.Counts.Read);
        sheet.Row().Text("Exported").Number(report.Counts.Exported);
        sheet.Row().Text("of which confirmed by the ERP").Number(report.Counts.Confirmed);
        sheet.Row().Text("Excepted").Number(report.Counts.Excepted);
        sheet.Row().Text("Skipped").Number(report.Counts.Skipped);
        sheet.Row().Text("Pending").Number(report.Counts.Pending);

        if (report.ExportedFromEarlierRuns.Count > 0)
        {
            sheet.Blank();
            sheet.Row().Text("Also exported: records read in earlier runs", Styles.Bold);
            foreach (var carried in report.ExportedFromEarlierRuns)
            {
                TotalsRow(sheet, carried.Currency, "Exported", carried.Exported);
            }
        }

        sheet.Blank();
        sheet.Row().Text("Packages and imports", Styles.Bold);
        foreach (var package in report.Packages)
        {
            sheet.Row().Text(package);
        }

        return sheet;
    }

    private static XlsxSheetBuilder TotalsRow(XlsxSheetBuilder sheet, string currency, string measure, AmountCount value)
        => sheet.Row().Text(currency).Text(measure).Number(value.Count).Number(value.Amount);

    private static XlsxSheetBuilder ExceptionsSheet(ReconciliationReport report)
    {
        var sheet = new XlsxSheetBuilder();
        sheet.Row().Text("Code", Styles.Bold).Text("Count", Styles.Bold);
        foreach (var exception in report.ExceptionsByCode)
        {
            sheet.Row().Text(exception.Code).Number(exception.Count);
        }

        return sheet;
    }

    private static XlsxSheetBuilder SetAsideSheet(ReconciliationReport report)
    {
        var sheet = new XlsxSheetBuilder();
        sheet.Row().Text("Invoice", Styles.Bold).Text("Document", Styles.Bold).Text("Line", Styles.Bold).Text("Currency", Styles.Bold)
            .Text("Amount", Styles.Bold).Text("Code", Styles.Bold).Text("What is wrong", Styles.Bold);
        foreach (var r in report.SetAside)
        {
            var row = sheet.Row().Text(r.Number).Text(r.Document);
            row = r.Line is { } line ? row.Number(line) : row.Text(string.Empty);
            row.Text(r.Currency).Number(r.Amount).Text(r.Code).Text(r.Message);
        }

        return sheet;
    }

    /// <summary>One row per document and problem (a document without problems has one row).</summary>
    private static XlsxSheetBuilder DocumentsSheet(ReconciliationReport report)
    {
        var sheet = new XlsxSheetBuilder();
        sheet.Row().Text("Document", Styles.Bold).Text("Status", Styles.Bold).Text("Records", Styles.Bold)
            .Text("SHA-256", Styles.Bold).Text("Problem", Styles.Bold);
        foreach (var document in report.Documents)
        {
            IReadOnlyList<string?> problems = document.Problems.Count == 0 ? [null] : [.. document.Problems];
            foreach (var problem in problems)
            {
                var row = sheet.Row().Text(document.Name).Text(document.Status).Number(document.Records).Text(document.Sha256);
                if (problem is not null)
                {
                    row.Text(problem);
                }
            }
        }

        return sheet;
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, XlsxSheetBuilder content, double[] widths)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        part.Worksheet = new Worksheet(columns, content.Data);
        part.Worksheet.Save();
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part),
            SheetId = (uint)(sheets.ChildElements.Count + 1),
            Name = name,
        });
    }
}
