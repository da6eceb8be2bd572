using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.Entities;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>Reads <c>target.options</c> (adapter settings, secrets only as references) and <c>target.resilience</c>.</summary>
internal static partial class TargetOptionsParser
{
    private const string OptionsPath = "target.options";
    private const string ResiliencePath = "target.resilience";

    /// <summary>
    /// Option names that hold secrets: their value must be a reference, <c>${env:NAME}</c> or <c>${secret:NAME}</c>,
    /// never the secret itself, so that entity.yaml can be kept in version control and shown to anyone.
    /// </summary>
    public static bool IsSecretName(string name)
        => SecretNamePattern().IsMatch(name);

    /// <summary>True for <c>${env:NAME}</c> and <c>${secret:NAME}</c>.</summary>
    public static bool IsReference(string value) => ReferencePattern().IsMatch(value);

    public static IReadOnlyDictionary<string, string> ParseOptions(YamlDoc doc, YamlMappingNode? node)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return options;
        }

        foreach (var (key, valueNode) in doc.Entries(node, OptionsPath))
        {
            var path = YamlDoc.Child(OptionsPath, key);
            if (YamlDoc.IsNull(valueNode))
            {
                continue;
            }

            var value = doc.Scalar(valueNode, path);
            if (value is null)
            {
                continue;
            }

            if (IsSecretName(key) && !IsReference(value))
            {
                // The value is not echoed: it may be the secret.
                doc.Error(path, "holds a secret: write a reference such as ${env:VARIABLE} or ${secret:name} (from the secrets file), never the secret itself", valueNode);
                continue;
            }

            options[key] = value;
        }

        return options;
    }

    public static ResilienceDefinition ParseResilience(YamlDoc doc, YamlMappingNode? node)
    {
        var d = new ResilienceDefinition();
        if (node is null)
        {
            return d;
        }

        var r = doc.Entries(node, ResiliencePath, "attempt_timeout", "max_retries", "retry_delay", "max_retry_delay", "circuit_failure_ratio", "circuit_minimum_throughput", "circuit_sampling", "circuit_break", "concurrency", "rate_per_second", "confirm_poll_interval", "confirm_timeout");
        var ratio = doc.Decimal(r, ResiliencePath, "circuit_failure_ratio");
        if (ratio is > 1m or <= 0m)
        {
            doc.Error(YamlDoc.Child(ResiliencePath, "circuit_failure_ratio"), "expected a share above 0 and at most 1, e.g. 0.5", r["circuit_failure_ratio"]);
            ratio = null;
        }

        var rate = doc.Decimal(r, ResiliencePath, "rate_per_second");
        if (rate == 0m)
        {
            doc.Error(YamlDoc.Child(ResiliencePath, "rate_per_second"), "expected a positive number of calls per second (leave it out for no limit)", r["rate_per_second"]);
            rate = null;
        }

        return new ResilienceDefinition
        {
            AttemptTimeout = Duration(doc, r, "attempt_timeout") ?? d.AttemptTimeout,
            MaxRetries = doc.Int(r, ResiliencePath, "max_retries", 0, 100) ?? d.MaxRetries,
            RetryDelay = Duration(doc, r, "retry_delay") ?? d.RetryDelay,
            MaxRetryDelay = Duration(doc, r, "max_retry_delay") ?? d.MaxRetryDelay,
            CircuitFailureRatio = ratio is null ? d.CircuitFailureRatio : (double)ratio.Value,
            CircuitMinimumThroughput = doc.Int(r, ResiliencePath, "circuit_minimum_throughput", 2, 100_000) ?? d.CircuitMinimumThroughput,
            CircuitSamplingDuration = Duration(doc, r, "circuit_sampling", HalfSecond) ?? d.CircuitSamplingDuration,
            CircuitBreakDuration = Duration(doc, r, "circuit_break", HalfSecond) ?? d.CircuitBreakDuration,
            Concurrency = doc.Int(r, ResiliencePath, "concurrency", 1, 256) ?? d.Concurrency,
            RatePerSecond = rate is null ? d.RatePerSecond : (double)rate.Value,
            ConfirmPollInterval = Duration(doc, r, "confirm_poll_interval") ?? d.ConfirmPollInterval,
            ConfirmTimeout = Duration(doc, r, "confirm_timeout") ?? d.ConfirmTimeout,
        };
    }

    /// <summary>A duration written as a number and a unit: <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var ms = m.Groups[2].Value switch
        {
            "ms" => n,
            "s" => n * 1000m,
            "m" => n * 60_000m,
            _ => n * 3_600_000m,
        };
        return ms is > 0m and <= 7m * 24 * 3_600_000 ? TimeSpan.FromMilliseconds((double)ms) : null;
    }

    private static readonly TimeSpan HalfSecond = TimeSpan.FromMilliseconds(500);

    private static TimeSpan? Duration(YamlDoc doc, Dictionary<string, YamlNode> entries, string key, TimeSpan? minimum = null)
    {
        var text = doc.String(entries, ResiliencePath, key);
        if (text is null)
        {
            return null;
        }

        var value = ParseDuration(text);
        if (value is null)
        {
            doc.Error(YamlDoc.Child(ResiliencePath, key), $"expected a duration such as 250ms, 30s, 5m or 1h (above zero, at most a week), found '{text}'", entries[key]);
        }
        else if (value < minimum)
        {
            doc.Error(YamlDoc.Child(ResiliencePath, key), $"must be at least {minimum.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms, found '{text}'", entries[key]);
            return null;
        }

        return value;
    }

    [GeneratedRegex("(password|secret|token|api_?key|credential)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex(@"^\$\{(env|secret):[A-Za-z0-9_.\-]+\}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
