using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Profiles;

public sealed class TargetOptionsParserTests
{
    private static string WithTarget(string extra) => EntityParserTests.Valid.Replace("  max_lines_per_file: 5000\n", "  max_lines_per_file: 5000\n" + extra.TrimEnd('\n') + "\n", StringComparison.Ordinal);

    [Fact]
    public void Parse_OptionsAndResilience_ReadIntoTheTarget()
    {
        var yaml = WithTarget("""
                      options:
                        url: https://fa-xyz.oraclecloud.com
                        user: CONNECTOR.FR01
                        password: ${env:FR01_ORACLE_PASSWORD}
                      resilience:
                        attempt_timeout: 45s
                        max_retries: 3
                        retry_delay: 250ms
                        circuit_break: 2m
                        concurrency: 16
                        rate_per_second: 2.5
                        confirm_timeout: 1h
                    """);

        var result = EntityParser.Parse(yaml, "/m/fr01/entity.yaml", "/m/fr01");

        result.Errors.ShouldBeEmpty();
        var target = result.Value!.Target;
        target.Options["url"].ShouldBe("https://fa-xyz.oraclecloud.com");
        target.Options["PASSWORD"].ShouldBe("${env:FR01_ORACLE_PASSWORD}");
        target.Resilience.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(45));
        target.Resilience.MaxRetries.ShouldBe(3);
        target.Resilience.RetryDelay.ShouldBe(TimeSpan.FromMilliseconds(250));
        target.Resilience.CircuitBreakDuration.ShouldBe(TimeSpan.FromMinutes(2));
        target.Resilience.Concurrency.ShouldBe(16);
        target.Resilience.RatePerSecond.ShouldBe(2.5);
        target.Resilience.ConfirmTimeout.ShouldBe(TimeSpan.FromHours(1));
        target.Resilience.CircuitFailureRatio.ShouldBe(0.5);
    }

    [Theory]
    [InlineData("password", "hunter2")]
    [InlineData("client_secret", "abc")]
    [InlineData("token", "eyJhbGciOi")]
    [InlineData("connection_string_password", "${ENV:X}")]
    public void Parse_SecretInClear_RefusedWithoutEchoingIt(string name, string value)
    {
        var result = EntityParser.Parse(WithTarget($"  options:\n    {name}: \"{value}\"\n"), "/m/fr01/entity.yaml", "/m/fr01");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Key.ShouldBe($"target.options.{name}");
        error.Message.ShouldContain("${env:");
        error.ToString().ShouldNotContain(value);
    }

    [Fact]
    public void Parse_SecretReferenceToSecretsFile_Accepted()
    {
        var result = EntityParser.Parse(WithTarget("  options:\n    token: ${secret:fr01-oauth}\n"), "/m/fr01/entity.yaml", "/m/fr01");

        result.Errors.ShouldBeEmpty();
        result.Value!.Target.Options["token"].ShouldBe("${secret:fr01-oauth}");
    }

    [Theory]
    [InlineData("attempt_timeout: 30", "target.resilience.attempt_timeout")]
    [InlineData("retry_delay: 0s", "target.resilience.retry_delay")]
    [InlineData("circuit_failure_ratio: 1.5", "target.resilience.circuit_failure_ratio")]
    [InlineData("concurrency: 0", "target.resilience.concurrency")]
    [InlineData("rate_per_second: 0", "target.resilience.rate_per_second")]
    [InlineData("retries: 3", "target.resilience.retries")]
    [InlineData("circuit_break: 100ms", "target.resilience.circuit_break")]
    public void Parse_BadResilience_NamesTheKey(string line, string key)
    {
        var result = EntityParser.Parse(WithTarget($"  resilience:\n    {line}\n"), "/m/fr01/entity.yaml", "/m/fr01");

        result.Errors.ShouldHaveSingleItem().Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    public void ParseDuration_Units_ToMilliseconds(string text, int milliseconds)
        => TargetOptionsParser.ParseDuration(text).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("10")]
    [InlineData("-1s")]
    [InlineData("8d")]
    [InlineData("1,5s")]
    public void ParseDuration_NotADuration_Null(string text) => TargetOptionsParser.ParseDuration(text).ShouldBeNull();
}
