using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connector.Host.Reports;

/// <summary>
/// Builds the rows of one worksheet: text as inline strings (neutralised against formula injection, stripped of
/// characters XML cannot carry), numbers as numeric cells, with the few styles of <see cref="Styles"/>.
/// </summary>
internal sealed class XlsxSheetBuilder
{
    /// <summary>Style indexes into <see cref="CreateStylesheet"/>'s cell formats.</summary>
    internal static class Styles
    {
        public const uint Default = 0;
        public const uint Bold = 1;
        public const uint Amount = 2;
        public const uint Count = 3;
        public const uint Alert = 4;
        public const uint BoldAmount = 5;
    }

    /// <summary>The most characters a cell holds in Excel.</summary>
    private const int MaxCellText = 32_767;

    private readonly SheetData _data = new();
    private uint _rowIndex;
    private Row? _row;
    private int _column;

    public SheetData Data => _data;

    /// <summary>Starts a new row; the next cells go into it from column A.</summary>
    public XlsxSheetBuilder Row()
    {
        _rowIndex++;
        _row = new Row { RowIndex = _rowIndex };
        _data.Append(_row);
        _column = 0;
        return this;
    }

    /// <summary>Adds an empty row.</summary>
    public XlsxSheetBuilder Blank() => Row();

    public XlsxSheetBuilder Text(string? value, uint style = Styles.Default)
    {
        var cell = NextCell(style);
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(CellText(value)) { Space = SpaceProcessingModeValues.Preserve });
        return this;
    }

    public XlsxSheetBuilder Number(decimal value, uint style = Styles.Amount)
    {
        var cell = NextCell(style);
        cell.DataType = CellValues.Number;
        cell.CellValue = new CellValue(value);
        return this;
    }

    public XlsxSheetBuilder Number(long value, uint style = Styles.Count)
    {
        var cell = NextCell(style);
        cell.DataType = CellValues.Number;
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public XlsxSheetBuilder Empty()
    {
        _column++;
        return this;
    }

    /// <summary>Neutralised, XML-safe and at most <see cref="MaxCellText"/> characters.</summary>
    internal static string CellText(string? value)
    {
        var text = SpreadsheetText.Neutralise(value);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        if (builder.Length > MaxCellText)
        {
            builder.Length = char.IsHighSurrogate(builder[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText;
        }

        return builder.ToString();
    }

    public static Stylesheet CreateStylesheet()
        => new(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFC62828" }, new FontName { Val = "Calibri" }))
            { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyNumberFormat = true })
            { Count = 6 });

    private Cell NextCell(uint style)
    {
        if (_row is null)
        {
            Row();
        }

        _column++;
        var cell = new Cell { CellReference = ColumnName(_column) + _rowIndex.ToString(CultureInfo.InvariantCulture), StyleIndex = style };
        _row!.Append(cell);
        return cell;
    }

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - 1) / 26;
        }

        return name;
    }
}
