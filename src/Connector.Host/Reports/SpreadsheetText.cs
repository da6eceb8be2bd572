namespace Connector.Host.Reports;

/// <summary>
/// Defence against CSV / formula injection (OWASP): a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or carriage return gets a leading <c>'</c>, so that no spreadsheet evaluates it. Used for every text cell of
/// the CSV and XLSX reports (document names and problem messages come from outside). Numbers written as numbers are
/// not text and are not touched.
/// </summary>
internal static class SpreadsheetText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
