using System.Text;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>
/// The <c>q</c> parameter of equality predicates in the syntax of the REST framework version sent: query-by-example
/// (<c>A=x;B=y</c>) for version 1 (and when no version is sent), expressions (<c>A='x' and B='y'</c>) from version 2.
/// </summary>
internal static class FusionQuery
{
    public static string AllEqual(int? frameworkVersion, params (string Attribute, string Value)[] predicates)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        var q = new StringBuilder();
        foreach (var (attribute, value) in predicates)
        {
            if (frameworkVersion >= 2)
            {
                q.Append(q.Length == 0 ? string.Empty : " and ").Append(attribute).Append("='")
                    .Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            }
            else
            {
                // Query-by-example: a value holding the separator, a quote or '=' is quoted, quotes doubled.
                var quoted = value.AsSpan().IndexOfAny(";'=") >= 0
                    ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
                    : value;
                q.Append(q.Length == 0 ? string.Empty : ";").Append(attribute).Append('=').Append(quoted);
            }
        }

        return Uri.EscapeDataString(q.ToString());
    }
}
