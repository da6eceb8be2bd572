namespace Connector.Mapping.Matching;

/// <summary>
/// Identifiers written <c>scheme:value</c> (an electronic address <c>0225:412987653</c>, a GLN <c>0088:4012345000009</c>,
/// an e-mail <c>EM:ar@example.com</c>): the key they are compared by is the scheme in upper case, a colon, and the value
/// cleaned like a tax id (upper case, no spaces, dots, dashes or slashes), so <c>0225: 412 987 653</c> meets
/// <c>0225:412987653</c>. An identifier without a scheme has no key.
/// </summary>
internal static class SchemedIdentifier
{
    public static string? Key(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var colon = written.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == written.Length - 1)
        {
            return null;
        }

        var scheme = written[..colon].Trim().ToUpperInvariant();
        var value = TaxIdNormalizer.Clean(written[(colon + 1)..]);
        return scheme.Length == 0 || value.Length == 0 ? null : scheme + ":" + value;
    }

    /// <summary>The value after the scheme (trimmed), or the whole text when there is no scheme.</summary>
    public static string Value(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        return (colon > 0 && colon < written.Length - 1 ? written[(colon + 1)..] : written).Trim();
    }
}
