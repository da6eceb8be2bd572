using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Tests.Reading;

/// <summary>Writes small real workbooks for the tests: strings (shared), numbers and dates (styled as dates); a null row is left out.</summary>
internal static class XlsxBuilder
{
    public static MemoryStream Build(params (string Name, object?[]?[] Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    if (rows[r] is not { } cells)
                    {
                        continue;
                    }

                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < cells.Length; c++)
                    {
                        if (cells[c] is { } value)
                        {
                            row.Append(Cell(value, ColumnSet.Letter(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), strings.SharedStringTable));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbookPart.Workbook.Save();
        }

        stream.Position = 0;
        return stream;
    }

    private static Cell Cell(object value, string reference, SharedStringTable strings) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(AddString(strings, s)) },
        DateTime d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        double n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
        int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
        _ => throw new ArgumentException("unsupported cell", nameof(value)),
    };

    private static int AddString(SharedStringTable strings, string s)
    {
        strings.Append(new SharedStringItem(new Text(s)));
        return strings.ChildElements.Count - 1;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellStyleFormats(new CellFormat()),
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = BooleanValue.FromBoolean(true) }));
}
