namespace Connector.Mapping.Ocr;

/// <summary>
/// The US ABA routing transit number: 8 digits and a check digit, weighted 3-7-1 (3(d1+d4+d7) + 7(d2+d5+d8) +
/// (d3+d6+d9) is a multiple of 10). Used to verify the MICR routing of cheques (X9.37 and OCR).
/// </summary>
public static class AbaRoutingNumber
{
    /// <summary>The check digit of the first 8 digits, or null when <paramref name="eightDigits"/> is not 8 ASCII digits.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> eightDigits)
    {
        if (eightDigits.Length != 8 || !IsDigits(eightDigits))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (eightDigits[i] - '0') * (i % 3) switch { 0 => 3, 1 => 7, _ => 1 };
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Whether <paramref name="nineDigits"/> is a routing number whose check digit is right.</summary>
    public static bool IsValid(ReadOnlySpan<char> nineDigits)
        => nineDigits.Length == 9 && CheckDigit(nineDigits[..8]) is { } digit && nineDigits[8] - '0' == digit;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
