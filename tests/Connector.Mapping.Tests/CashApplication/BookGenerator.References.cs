using System.Globalization;
using Connector.Mapping.Model;

namespace Connector.Mapping.Tests.CashApplication;

/// <summary>How payers write (and banks and scanners garble) invoice numbers, and the free text around them.</summary>
internal sealed partial class BookGenerator
{
    private string Normalised(string number)
    {
        var (prefix, digits) = Split(number);
        var bare = digits.TrimStart('0');
        string[] forms = prefix == "F26"
            ? [$"F26{digits}", $"F26/{digits}", $"f26-{bare}", $"FACT F26-{digits}", $"F26 {digits}", $"No F26-{digits}", $"Facture F26{digits}"]
            : [bare, $"INV{bare}", $"inv-{bare}", $"Invoice {digits}", $"#{bare}", $"INV {digits}", $"Rechnung Nr. {bare}"];
        return forms[_random.Next(forms.Length)];
    }

    /// <summary>One or two digits of the number read as their look-alike letters.</summary>
    private string Ocr(string number)
    {
        var (prefix, digits) = Split(number);
        var chars = digits.ToCharArray();
        var swaps = 0;
        foreach (var at in Enumerable.Range(0, chars.Length).OrderBy(_ => _random.Next()))
        {
            var letter = chars[at] switch { '0' => 'O', '1' => _random.Next(2) == 0 ? 'I' : 'l', '5' => 'S', '8' => 'B', '2' => 'Z', '6' => 'G', _ => '\0' };
            if (letter != '\0' && swaps < 2)
            {
                chars[at] = letter;
                swaps++;
            }
        }

        return swaps == 0 ? $"{prefix} {digits}" : $"{prefix}-{new string(chars)}";
    }

    /// <summary>A typing error in the last digits: two neighbours swapped, one digit wrong, or one left out.</summary>
    private string Typo(string number)
    {
        var (prefix, digits) = Split(number);
        var chars = digits.ToList();
        var at = chars.Count - 1 - _random.Next(4);
        switch (_random.Next(3))
        {
            case 0 when chars[at] != chars[at - 1]:
                (chars[at], chars[at - 1]) = (chars[at - 1], chars[at]);
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            default:
                chars[at] = (char)('0' + ((chars[at] - '0' + 1 + _random.Next(8)) % 10));
                break;
        }

        return $"{prefix}-{string.Concat(chars)}";
    }

    private string Text(PayerReference payer, string reference, DateOnly paidOn)
    {
        var date = paidOn.AddDays(-_random.Next(1, 20));
        string[] forms =
        [
            $"VIR SEPA {payer.Name?.ToUpperInvariant()} | {reference}",
            $"PAYMENT {reference} THANK YOU",
            $"/RFB/{reference}",
            $"REGLEMENT FACTURE {reference} DU {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            $"Zahlung {reference} vom {date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} Danke",
            $"{reference}",
        ];
        return forms[_random.Next(forms.Length)];
    }

    private string NoReferenceText(PayerReference payer)
    {
        string[] forms = [$"VIR SEPA {payer.Name?.ToUpperInvariant()}", "PAYMENT", "SETTLEMENT OF ACCOUNT", string.Empty, $"{payer.Name} PAYMENT RUN"];
        var text = forms[_random.Next(forms.Length)];
        return text.Length == 0 ? string.Empty : text;
    }

    private static (string Prefix, string Digits) Split(string number)
    {
        var dash = number.IndexOf('-', StringComparison.Ordinal);
        return (number[..dash], number[(dash + 1)..]);
    }
}
