using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Connector.Mapping.Profiles;

internal enum TransformKind
{
    Trim,
    Upper,
    Lower,
    CollapseSpaces,
    Negate,
    Regex,
    Replace,
    Prefix,
    Suffix,
}

/// <summary>One step of a field's <c>transforms</c>. <see cref="TransformKind.Negate"/> acts on the parsed number.</summary>
internal sealed record Transform(TransformKind Kind, Regex? Pattern = null, string Text = "")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static Regex CreateRegex(string pattern)
        => new(pattern, RegexOptions.CultureInvariant, Timeout);

    /// <summary>Applies the step to a text value; false when a regex does not match (or times out).</summary>
    public bool TryApply(string value, out string result)
    {
        switch (Kind)
        {
            case TransformKind.Trim:
                result = value.Trim();
                return true;
            case TransformKind.Upper:
                result = value.ToUpperInvariant();
                return true;
            case TransformKind.Lower:
                result = value.ToLowerInvariant();
                return true;
            case TransformKind.CollapseSpaces:
                result = CollapseSpaces(value);
                return true;
            case TransformKind.Regex:
                return TryMatch(value, out result);
            case TransformKind.Replace:
                try
                {
                    result = Pattern!.Replace(value, Text);
                    return true;
                }
                catch (RegexMatchTimeoutException)
                {
                    result = value;
                    return false;
                }

            case TransformKind.Prefix:
                result = Text + value;
                return true;
            case TransformKind.Suffix:
                result = value + Text;
                return true;
            default:
                result = value;
                return true;
        }
    }

    public override string ToString() => Kind switch
    {
        TransformKind.Regex => string.Create(CultureInfo.InvariantCulture, $"regex '{Pattern}'"),
        TransformKind.Replace => string.Create(CultureInfo.InvariantCulture, $"replace '{Pattern}'"),
        _ => Kind.ToString().ToLowerInvariant(),
    };

    private bool TryMatch(string value, out string result)
    {
        try
        {
            var match = Pattern!.Match(value);
            if (!match.Success)
            {
                result = value;
                return false;
            }

            result = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            result = value;
            return false;
        }
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
