using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Adapters.Targets.OracleFusionFbdi;
using Connector.Adapters.Tests.Targets.OracleFusion;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionFbdi.FusionFbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionFbdi;

public sealed class FusionFbdiOptionsTests
{
    private static readonly Uri Pod = new("https://pod.example.com/");

    private static Dictionary<string, string> Options(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("password", "user and password")]
    [InlineData("url", "url is required")]
    public void Create_MissingOption_SetupFailureNamingIt(string missing, string expected)
    {
        var options = Options(("url", Pod.ToString()), ("user", "u"), ("password", "${env:" + PasswordVariable + "}"));
        options.Remove(missing);

        var e = Should.Throw<TargetSetupException>(() => Target(EntityWith(options)));

        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void Create_TokenAndUser_SetupFailure()
    {
        var e = Should.Throw<TargetSetupException>(() => Target(EntityWith(Options(("url", Pod.ToString()), ("user", "u"), ("token", "t")))));

        e.Message.ShouldContain("either a bearer token or a user and password");
    }

    [Fact]
    public void Create_UnknownOption_RefusedByTheRegistry()
    {
        var e = Should.Throw<TargetSetupException>(() => Target(EntityWith(Options(("url", Pod.ToString()), ("token", "t"), ("outbox", "x")))));

        e.Message.ShouldContain("outbox");
    }

    [Theory]
    [InlineData("ftp://pod", "is not an absolute http(s) URL")]
    [InlineData("https://pod", "")]
    public void Create_Url_CheckedAsHttp(string url, string error)
    {
        var create = () => Target(EntityWith(Options(("url", url), ("token", "t"))));

        if (error.Length == 0)
        {
            create().Type.ShouldBe("oracle-fusion-fbdi");
        }
        else
        {
            Should.Throw<TargetSetupException>(create).Message.ShouldContain(error);
        }
    }

    [Fact]
    public void Create_TimeoutAsTimeSpanAndDefaults_Read()
    {
        var secrets = new SecretSource(null, _ => null);

        var read = FusionFbdiOptions.From(EntityWith(Options(("url", "https://pod/x/"), ("token", "t"), ("timeout", "00:02:00"))), secrets);

        read.Connection.RequestTimeout.ShouldBe(TimeSpan.FromMinutes(2));
        read.DocumentAccount.ShouldBe("fin$/receivables$/import$");
        read.JobName.ShouldBe("/oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss");
        read.Connection.ResourcesUri.ShouldBe(new Uri("https://pod/x/fscmRestApi/resources/11.13.18.05/"));
        read.ToString().ShouldBe("https://pod/x/fscmRestApi/resources/11.13.18.05/ as bearer token");
    }

    [Fact]
    public void Create_SecretReferenceNotSet_SetupFailureNamingTheVariable()
    {
        var secrets = new SecretSource(null, _ => null);

        var e = Should.Throw<TargetSetupException>(() => FusionFbdiOptions.From(
            EntityWith(Options(("url", Pod.ToString()), ("token", "${env:FUSION_TOKEN}"))), secrets));

        e.Message.ShouldContain("FUSION_TOKEN");
    }

    [Theory]
    [InlineData("Plain refusal text", "Plain refusal text", null)]
    [InlineData("{\"title\":\"Bad Request\",\"status\":\"400\",\"o:errorDetails\":[{\"detail\":\"The job X isn't valid.\",\"o:errorCode\":\"ESS_BAD_JOB\"}]}", "The job X isn't valid.", "ESS_BAD_JOB")]
    public void Errors_TextOrAdfJson_OraclesMessageAndCode(string body, string message, string? code)
    {
        var error = FusionErrors.Read(body, []).Single();

        error.Message.ShouldBe(message);
        error.Code.ShouldBe(code);
    }

    private static Mapping.Entities.EntityDefinition EntityWith(Dictionary<string, string> options)
    {
        var entity = FusionTestEntities.Entity("CONNECTOR DE01");
        return entity with { Target = entity.Target with { Type = "oracle-fusion-fbdi", BusinessUnit = EmulatorSetup.De, Options = options } };
    }
}
