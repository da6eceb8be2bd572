using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;

namespace Connector.Adapters.Tests.Configuration;

public sealed class SecretSourceTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "connector-secrets-" + Guid.NewGuid().ToString("N") + ".txt");

    [Fact]
    public void Resolve_EnvironmentReference_ReadsTheVariable()
    {
        var secrets = new SecretSource(null, name => name == "US01_ORACLE_PASSWORD" ? "s3cr3t" : null);

        secrets.Resolve("password", "${env:US01_ORACLE_PASSWORD}").ShouldBe("s3cr3t");
    }

    [Fact]
    public void Resolve_PlainValue_ReturnedUnchanged()
    {
        new SecretSource(null, _ => null).Resolve("url", "https://fa.example.com").ShouldBe("https://fa.example.com");
    }

    [Fact]
    public void Resolve_SecretsFile_ReadsNameValueLinesSkippingComments()
    {
        File.WriteAllText(_file, "# Oracle credentials\nus01-oracle: pa:ss word \n\nfr01-token:abc\n");
        var secrets = new SecretSource(_file, _ => null);

        secrets.Resolve("password", "${secret:us01-oracle}").ShouldBe("pa:ss word");
        secrets.Resolve("token", "${secret:fr01-token}").ShouldBe("abc");
    }

    [Fact]
    public void Resolve_UnsetVariable_SetupErrorNamingTheVariable()
    {
        var e = Should.Throw<TargetSetupException>(() => new SecretSource(null, _ => null).Resolve("password", "${env:NOPE}"));

        e.Message.ShouldContain("NOPE");
        e.Message.ShouldContain("target.options.password");
    }

    [Fact]
    public void Resolve_MissingEntry_SetupErrorWithoutAnyValueOfTheFile()
    {
        File.WriteAllText(_file, "other: hunter2\n");

        var e = Should.Throw<TargetSetupException>(() => new SecretSource(_file, _ => null).Resolve("password", "${secret:us01}"));

        e.Message.ShouldContain("'us01'");
        e.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Resolve_MalformedLine_ErrorNamesTheLineNotItsContent()
    {
        File.WriteAllText(_file, "ok: 1\nhunter2-without-a-name\n");

        var e = Should.Throw<TargetSetupException>(() => new SecretSource(_file, _ => null).Resolve("password", "${secret:ok}"));

        e.Message.ShouldContain("line 2");
        e.Message.ShouldNotContain("hunter2");
    }

    public void Dispose() => File.Delete(_file);
}
