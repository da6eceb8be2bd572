namespace Connector.OracleEmulator;

/// <summary>Messages of the emulated AutoInvoice that callers match on (the first two are Oracle's own words, seen live).</summary>
public static class AutoInvoiceMessages
{
    public const string DuplicateKey =
        "Each line must have a unique combination of INTERFACE_LINE_CONTEXT and INTERFACE_LINE_ATTRIBUTE values for the transaction flexfield.";

    public const string TrxNumber =
        "You must provide a transaction number if the transaction source indicates manual transaction numbering. Otherwise don't provide a transaction number.";

    /// <summary>The emulator's message on the other lines of a rejected transaction (Oracle writes none; see the docs).</summary>
    public const string Sibling = "The line was rejected because another line of the same transaction failed validation.";
}
