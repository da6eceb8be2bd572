using System.Globalization;

namespace Connector.Mapping.Profiles;

/// <summary>ISO 4217 currency and ISO 3166 country codes known to the platform's culture data.</summary>
internal static class IsoCodes
{
    private static readonly Lazy<(HashSet<string> Currencies, HashSet<string> Countries)> Codes = new(Load);

    public static bool IsCurrency(string code)
        => code.Length == 3 && code.All(char.IsAsciiLetterUpper) && (Codes.Value.Currencies.Count == 0 || Codes.Value.Currencies.Contains(code));

    public static bool IsCountry(string code)
        => code.Length == 2 && code.All(char.IsAsciiLetterUpper) && (Codes.Value.Countries.Count == 0 || Codes.Value.Countries.Contains(code));

    private static (HashSet<string>, HashSet<string>) Load()
    {
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                if (region.ISOCurrencySymbol.Length == 3)
                {
                    currencies.Add(region.ISOCurrencySymbol);
                }

                if (region.TwoLetterISORegionName.Length == 2)
                {
                    countries.Add(region.TwoLetterISORegionName);
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region: nothing to learn from it.
            }
        }

        return (currencies, countries);
    }
}
