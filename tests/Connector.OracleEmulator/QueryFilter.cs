using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connector.OracleEmulator;

/// <summary>
/// The <c>q</c> parameter as equality predicates, all of which must hold. Framework version 1 uses query-by-example
/// (<c>A=x;B='y z'</c>); versions 2+ use expressions, of which the emulator supports <c>A='x' and B='y'</c>.
/// </summary>
internal static partial class QueryFilter
{
    public static IReadOnlySet<string> Queryable { get; } =
        new HashSet<string>([.. InvoiceValidator.HeaderAttributes, "CustomerTransactionId"], StringComparer.Ordinal);

    /// <summary>The predicates, or null with an error text when the expression isn't valid for the version.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>>? Predicates, string? Error) Parse(string? q, int version) =>
        Parse(q, version, "receivablesInvoices", Queryable);

    /// <summary>The predicates of <paramref name="q"/> on a resource whose attributes are <paramref name="queryable"/>.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>>? Predicates, string? Error) Parse(
        string? q, int version, string resource, IReadOnlySet<string> queryable)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ([], null);
        }

        var predicates = version >= 2 ? ParseExpression(q) : ParseByExample(q);
        if (predicates is null)
        {
            return (null, $"The value {q} of the URL parameter q isn't valid for REST framework version {version}.");
        }

        var unknown = predicates.FirstOrDefault(p => !queryable.Contains(p.Key));
        return unknown.Key is null
            ? (predicates, null)
            : (null, $"The attribute {unknown.Key} in the URL parameter q isn't valid for the resource {resource}.");
    }

    /// <summary>Whether every predicate holds on the item's attributes (compared as text).</summary>
    public static bool Matches(JsonObject item, IReadOnlyList<KeyValuePair<string, string>> predicates) =>
        predicates.All(p => string.Equals(EmulatedInvoice.JsonText(item[p.Key]), p.Value, StringComparison.Ordinal));

    public static bool Matches(EmulatedInvoice invoice, IReadOnlyList<KeyValuePair<string, string>> predicates)
    {
        if (predicates.Count == 0)
        {
            return true;
        }

        var header = invoice.Header();
        return predicates.All(p => string.Equals(EmulatedInvoice.JsonText(header[p.Key]), p.Value, StringComparison.Ordinal));
    }

    private static List<KeyValuePair<string, string>>? ParseByExample(string q)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in SplitOutsideQuotes(q, ';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var value = part[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            result.Add(new(part[..eq].Trim(), value));
        }

        return result;
    }

    private static List<KeyValuePair<string, string>>? ParseExpression(string q)
    {
        var result = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < q.Length)
        {
            var match = Predicate().Match(q, position);
            if (!match.Success || match.Index != position)
            {
                return null;
            }

            result.Add(new(match.Groups["name"].Value, match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal)));
            position += match.Length;
        }

        return result.Count > 0 ? result : null;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }

            if (c == separator && !quoted)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        yield return current.ToString();
    }

    [GeneratedRegex(@"\G\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*=\s*'(?<value>(?:[^']|'')*)'\s*(?:(?i:and)\s+(?=\S)|$)")]
    private static partial Regex Predicate();
}
