using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// The <c>target.options</c> of <c>oracle-fusion-fbdi</c>: the shared connection (<c>url</c>, <c>user</c> +
/// <c>password</c> or <c>token</c>, <c>timeout</c>), <c>document_account</c> and <c>job_name</c>.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed class FusionFbdiOptions
{
    public const string DocumentAccountOption = "document_account";
    public const string JobNameOption = "job_name";

    /// <summary>The UCM account of receivables imports, in the form most samples use (Oracle's page spells it fin/autoInvoice/import).</summary>
    public const string DefaultDocumentAccount = "fin$/receivables$/import$";

    /// <summary>The Import AutoInvoice ESS job, as <c>package,definition</c>.</summary>
    public const string DefaultJobName = "/oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss";

    public static IReadOnlyCollection<string> Names { get; } = [.. FusionConnection.Names, DocumentAccountOption, JobNameOption];

    private FusionFbdiOptions(FusionConnection connection, string documentAccount, string jobName)
    {
        Connection = connection;
        DocumentAccount = documentAccount;
        JobName = jobName;
    }

    public FusionConnection Connection { get; }

    public string DocumentAccount { get; }

    public string JobName { get; }

    /// <summary>Reads the options of an entity; a <see cref="TargetSetupException"/> names the option that is wrong.</summary>
    public static FusionFbdiOptions From(EntityDefinition entity, ISecretSource secrets)
    {
        var connection = FusionConnection.Parse(entity, secrets);
        var jobName = FusionConnection.Option(entity, JobNameOption) ?? DefaultJobName;
        if (jobName.Count(c => c == ',') != 1)
        {
            throw FusionConnection.WrongOption(entity, $"{JobNameOption} '{jobName}' must be 'package,definition'.");
        }

        if (entity.Target.TransactionSource.Contains(',', StringComparison.Ordinal)
            || (entity.Target.BusinessUnitId ?? entity.Target.BusinessUnit).Contains(',', StringComparison.Ordinal))
        {
            throw new TargetSetupException($"Entity {entity.Code}: the business unit and transaction source cannot hold a comma: "
                + "the ESS parameter list is comma-separated (give target.business_unit_id instead).");
        }

        return new FusionFbdiOptions(connection, FusionConnection.Option(entity, DocumentAccountOption) ?? DefaultDocumentAccount, jobName);
    }

    public override string ToString() => Connection.Description;
}
