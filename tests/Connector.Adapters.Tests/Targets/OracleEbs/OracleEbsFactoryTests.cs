using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleEbs;
using Microsoft.Extensions.Logging.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Options and the provider loader: no database needed.</summary>
public sealed class OracleEbsFactoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connector-ebs-" + Guid.NewGuid().ToString("N")[..8]);

    public OracleEbsFactoryTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IInvoiceTarget Create(Dictionary<string, string> options)
    {
        var entity = Entity("unused");
        entity = entity with { Target = entity.Target with { Options = options } };
        var context = new TargetContext(_folder, new SecretSource(null, n => n == "EBS_DB" ? "User Id=apps;Password=x;Data Source=ebs" : null), TimeProvider.System, NullLoggerFactory.Instance);
        return TargetRegistry.WithBuiltIns().Create(entity, context);
    }

    private static Dictionary<string, string> Oracle(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["provider"] = "Oracle.ManagedDataAccess.Client",
            ["connection_string"] = "${env:EBS_DB}",
            ["user_id"] = "1318",
            ["resp_id"] = "50559",
        };
        foreach (var (k, v) in extra)
        {
            options[k] = v;
        }

        return options;
    }

    [Fact]
    public void Create_MissingProviderAssembly_NamesThePathAndWhatToDo()
    {
        var failure = Should.Throw<TargetSetupException>(() => Create(Oracle(("provider_assembly", "drivers/Oracle.ManagedDataAccess.dll"))));

        failure.Message.ShouldContain(Path.Combine(_folder, "drivers", "Oracle.ManagedDataAccess.dll"));
        failure.Message.ShouldContain("does not exist");
        failure.Message.ShouldContain("Oracle.ManagedDataAccess.Core");
    }

    [Fact]
    public void Create_ProviderAssemblyNotADotNetAssembly_SaysSo()
    {
        var path = Path.Combine(_folder, "Oracle.ManagedDataAccess.dll");
        File.WriteAllText(path, "not a dll");

        var failure = Should.Throw<TargetSetupException>(() => Create(Oracle(("provider_assembly", path))));

        failure.Message.ShouldContain(path);
        failure.Message.ShouldContain("cannot be loaded as a .NET assembly");
    }

    [Fact]
    public void Create_AssemblyWithoutTheOracleFactory_SaysWhichTypeIsMissing()
    {
        // A real .NET assembly that is not Oracle's driver.
        var path = typeof(OracleEbsFactoryTests).Assembly.Location;

        var failure = Should.Throw<TargetSetupException>(() => Create(Oracle(("provider_assembly", path))));

        failure.Message.ShouldContain("Oracle.ManagedDataAccess.Client.OracleClientFactory.Instance");
    }

    [Fact]
    public void Create_OracleWithoutProviderAssembly_AsksForIt()
    {
        var failure = Should.Throw<TargetSetupException>(() => Create(Oracle()));

        failure.Message.ShouldContain("provider_assembly is required");
    }

    [Fact]
    public void Create_DefaultSubmitWithoutResponsibility_NamesResp()
    {
        var options = Oracle();
        options.Remove("resp_id");

        Should.Throw<TargetSetupException>(() => Create(options)).Message.ShouldContain("resp_id");
    }

    [Fact]
    public void Create_UnknownDistributions_NamesTheOption()
    {
        var options = Oracle(("provider", "Npgsql"), ("distributions", "manual"));

        Should.Throw<TargetSetupException>(() => Create(options)).Message.ShouldContain("target.options.distributions");
    }

    [Fact]
    public void Parse_Defaults_OracleBlockColonPrefixAndOrgFromBusinessUnitId()
    {
        var entity = Entity("unused");
        entity = entity with { Target = entity.Target with { Options = Oracle() } };
        var context = new TargetContext(_folder, new SecretSource(null, _ => "secret"), TimeProvider.System, NullLoggerFactory.Instance);

        var options = OracleEbsOptions.Parse(entity, context);

        options.ParameterPrefix.ShouldBe(":");
        options.OrgId.ShouldBe(204);
        options.Submit.ShouldContain("fnd_request.submit_request('AR', 'RAXMTR'");
        options.Submit.ShouldContain(":request_id :=");
        options.Distributions.ShouldBe(EbsDistributions.AutoAccounting);
        options.ConnectionString.ShouldBe("secret");
    }
}
