using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Tests.Targets.OracleFusion;

public sealed class FusionConnectionTests
{
    private static readonly SecretSource Secrets = new(null, name => name == "FUSION_PASSWORD" ? "S3cret-pw" : null);

    [Theory]
    [InlineData("https://pod.fa.example.com", "https://pod.fa.example.com/fscmRestApi/resources/11.13.18.05/")]
    [InlineData("https://gateway.example.com/erp/", "https://gateway.example.com/erp/fscmRestApi/resources/11.13.18.05/")]
    [InlineData("https://pod.fa.example.com/fscmRestApi/resources/11.13.18.05", "https://pod.fa.example.com/fscmRestApi/resources/11.13.18.05/")]
    [InlineData("https://pod.fa.example.com/fscmRestApi/resources/latest/?x=1", "https://pod.fa.example.com/fscmRestApi/resources/latest/")]
    public void Parse_Url_PodGetsOraclesResourcesPathAndAResourcesRootIsKept(string url, string expected)
    {
        var connection = FusionConnection.Parse(Entity(("url", url), ("token", "t")), Secrets);

        connection.ResourcesUri.ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("30s", 30)]
    [InlineData("00:01:40", 100)]
    public void Parse_Timeout_SecondsOrTimeSpan(string text, int seconds)
    {
        var connection = FusionConnection.Parse(Entity(("url", "https://pod"), ("token", "t"), ("timeout", text)), Secrets);

        connection.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    public void Parse_WrongTimeout_SetupFailureNamingEntityAndOption(string text)
    {
        var e = Should.Throw<TargetSetupException>(() => FusionConnection.Parse(Entity(("url", "https://pod"), ("token", "t"), ("timeout", text)), Secrets));

        e.Message.ShouldStartWith($"Entity DE01: target.options.timeout '{text}'");
    }

    [Fact]
    public void Parse_BasicWithSecretReference_HeaderCarriesTheSecretButTheDescriptionDoesNot()
    {
        var connection = FusionConnection.Parse(Entity(("url", "https://pod"), ("user", "connector"), ("password", "${env:FUSION_PASSWORD}")), Secrets);

        var header = connection.Authorization();

        header.Scheme.ShouldBe("Basic");
        Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)).ShouldBe("connector:S3cret-pw");
        connection.ToString().ShouldBe("https://pod/fscmRestApi/resources/11.13.18.05/ as user 'connector'");
        connection.Description.ShouldNotContain("S3cret-pw");
    }

    [Fact]
    public void Parse_UserWithColon_SetupFailure()
    {
        var e = Should.Throw<TargetSetupException>(() => FusionConnection.Parse(Entity(("url", "https://pod"), ("user", "a:b"), ("password", "p")), Secrets));

        e.Message.ShouldContain("must not contain ':'");
    }

    private static EntityDefinition Entity(params (string Name, string Value)[] options) => FusionTestEntities.Entity("CONNECTOR DE01", options);
}
