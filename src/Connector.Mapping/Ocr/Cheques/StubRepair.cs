namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Repairs a stub amount the engine misread in one known way, a printed zero with a dot or slash inside read as 6, 8
/// or 9, when the arithmetic proves it: the row does not add up as read, exactly one such digit of one of its cells
/// read as 0 makes it add up, and its column then adds up to the total line. The repair is kept on the row (shown to
/// the operator as a warning with what was read); anything less certain is left to the trust checks.
/// </summary>
internal static class StubRepair
{
    private static readonly StubColumn[] Money = [StubColumn.Amount, StubColumn.Discount, StubColumn.Net];

    public static IReadOnlyList<StubRow> Apply(IReadOnlyList<StubRow> rows, StubRow? total, FigureStyle style)
    {
        if (total is null)
        {
            return rows;
        }

        // Each row that does not add up gets its one repair that makes it add up (none when there are more); the
        // repairs of a column are then kept only if the column adds up to the total line with all of them.
        var repaired = rows.Select(row => row.Amount is null || row.Net is null || AddsUp(row) ? row : Single(row, style) ?? row).ToList();
        foreach (var column in Money)
        {
            if (!repaired.Any(r => r.Repaired.Any(c => c.Column == column)))
            {
                continue;
            }

            if (Cell(total, column) is not { } sum || repaired.Sum(x => Cell(x, column)?.Value ?? 0) != sum.Value)
            {
                repaired = [.. repaired.Select((row, i) => row.Repaired.Any(c => c.Column == column) ? rows[i] : row)];
            }
        }

        return repaired;
    }

    private static StubRow? Single(StubRow row, FigureStyle style)
    {
        var candidates = Money
            .SelectMany(column => Variants(Cell(row, column), style).Select(value => With(row, column, value)))
            .Where(AddsUp)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool AddsUp(StubRow row)
        => row.Amount is { } amount && row.Net is { } net && amount.Value - (row.Discount?.Value ?? 0) == net.Value;

    private static OcrField<decimal>? Cell(StubRow row, StubColumn column) => column switch
    {
        StubColumn.Amount => row.Amount,
        StubColumn.Discount => row.Discount,
        _ => row.Net,
    };

    /// <summary>The values the cell's text reads with one of its 6, 8 or 9 read as 0.</summary>
    private static IEnumerable<decimal> Variants(OcrField<decimal>? cell, FigureStyle style)
    {
        if (cell is null)
        {
            yield break;
        }

        for (var i = 0; i < cell.Text.Length; i++)
        {
            if (cell.Text[i] is '6' or '8' or '9' && style.Parse(string.Concat(cell.Text.AsSpan(0, i), "0", cell.Text.AsSpan(i + 1))) is { } value)
            {
                yield return value;
            }
        }
    }

    private static StubRow With(StubRow row, StubColumn column, decimal value)
    {
        var cell = Cell(row, column)!;
        var fixedCell = cell with { Value = value };
        var repair = new RepairedCell(column, cell.Text, cell.Value, value, cell.Region);
        var changed = column switch
        {
            StubColumn.Amount => row with { Amount = fixedCell },
            StubColumn.Discount => row with { Discount = fixedCell },
            _ => row with { Net = fixedCell },
        };
        return changed with { Repaired = [.. row.Repaired, repair] };
    }
}
