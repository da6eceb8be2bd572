namespace Connector.Mapping.Tests.Remittances.Cfonb;

/// <summary>CFONB 120 records written field by field at their columns (1-based, inclusive), trailing blanks trimmed.</summary>
internal static class CfonbRecords
{
    public const string Account = "00012345603";

    public static string Balance(string code, string amount, string date = "010325", string account = Account, char decimals = '2', string currency = "EUR")
        => Record(code, account, decimals, currency, (35, date), (91, amount));

    public static string Operation(string amount, string code = "05", string label = "VIR SEPA GLOBEX", string date = "030325", string valueDate = "040325", string reference = "", string account = Account, char decimals = '2', string entry = "0000000")
        => Record("04", account, decimals, "EUR", (33, code), (35, date), (43, valueDate), (49, label), (82, entry), (91, amount), (105, reference));

    public static string Complement(string qualifier, string info, string account = Account)
        => Record("05", account, '2', "EUR", (33, "05"), (35, "030325"), (46, qualifier), (49, info));

    private static string Record(string code, string account, char decimals, string currency, params (int Column, string Text)[] fields)
    {
        var chars = new string(' ', 120).ToCharArray();
        Put(chars, 1, code);
        Put(chars, 3, "30004");
        Put(chars, 12, "00001");
        Put(chars, 17, currency);
        chars[19] = decimals;
        Put(chars, 22, account);
        foreach (var (column, text) in fields)
        {
            Put(chars, column, text);
        }

        return new string(chars).TrimEnd();
    }

    private static void Put(char[] chars, int column, string text) => text.CopyTo(0, chars, column - 1, text.Length);
}
