using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// The <c>target.options</c> of an <c>oracle-fusion-rest</c> entity: the shared connection (<c>url</c>, <c>user</c> +
/// <c>password</c> or <c>token</c>, <c>timeout</c>), <c>framework_version</c> and <c>send_item_number</c>.
/// </summary>
internal sealed class FusionRestOptions
{
    public const string FrameworkVersion = "framework_version";
    public const string SendItemNumber = "send_item_number";
    public const string ReceiptMethodOption = "receipt_method";
    public const string RemittanceBankAccountOption = "remittance_bank_account";

    public static IReadOnlyCollection<string> Names { get; } =
        [.. FusionConnection.Names, FrameworkVersion, SendItemNumber, ReceiptMethodOption, RemittanceBankAccountOption];

    private FusionRestOptions(FusionConnection connection, int restFrameworkVersion, bool itemNumbers, string? receiptMethod, string? remittanceBankAccount)
    {
        Connection = connection;
        RestFrameworkVersion = restFrameworkVersion;
        ItemNumbers = itemNumbers;
        ReceiptMethod = receiptMethod;
        RemittanceBankAccount = remittanceBankAccount;
    }

    /// <summary>The Fusion receipt method of posted receipts (<c>receipt_method</c>); required only to post receipts.</summary>
    public string? ReceiptMethod { get; }

    /// <summary>The remittance bank account number of posted receipts (<c>remittance_bank_account</c>); else the receipt's own, else the method's default.</summary>
    public string? RemittanceBankAccount { get; }

    public FusionConnection Connection { get; }

    public int RestFrameworkVersion { get; }

    /// <summary>Whether lines carry ItemNumber (the source's item code must then be an Oracle inventory item).</summary>
    public bool ItemNumbers { get; }

    public override string ToString() => Connection.Description;

    /// <summary>Reads and checks the options; a <see cref="TargetSetupException"/> names the option at fault.</summary>
    public static FusionRestOptions Parse(EntityDefinition entity, ISecretSource secrets)
    {
        var connection = FusionConnection.Parse(entity, secrets);
        TargetSetupException Wrong(string message) => FusionConnection.WrongOption(entity, message);
        var version = FusionConnection.Option(entity, FrameworkVersion) is { } v ? ParseVersion(v, Wrong) : 4;
        var itemNumbers = FusionConnection.Option(entity, SendItemNumber) is { } s && ParseBool(s, Wrong);
        return new FusionRestOptions(connection, version, itemNumbers,
            FusionConnection.Option(entity, ReceiptMethodOption), FusionConnection.Option(entity, RemittanceBankAccountOption));
    }

    private static int ParseVersion(string text, Func<string, TargetSetupException> wrong) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version is >= 1 and <= 99
            ? version
            : throw wrong($"{FrameworkVersion} '{text}' must be a whole number from 1 (REST-Framework-Version; 4 or more gives JSON errors).");

    private static bool ParseBool(string text, Func<string, TargetSetupException> wrong) =>
        bool.TryParse(text, out var value) ? value : throw wrong($"{SendItemNumber} '{text}' must be true or false.");
}
