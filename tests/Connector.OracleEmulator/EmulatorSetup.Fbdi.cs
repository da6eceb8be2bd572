namespace Connector.OracleEmulator;

/// <summary>The setup of the FBDI import (erpintegrations): flexfield contexts, job pacing and package guards.</summary>
public sealed partial record EmulatorSetup
{
    /// <summary>Line transaction flexfield contexts defined in the pod; a load using another one fails as a job.</summary>
    public IReadOnlyList<string> FlexfieldContexts { get; init; } = ["CONNECTOR"];

    /// <summary>
    /// How many status polls of a load answer a running status before the final one (0: the first poll answers the
    /// outcome). The first poll answers WAIT, later ones RUNNING. The job itself runs in the background at once.
    /// </summary>
    public int EssPollsBeforeCompletion { get; init; } = 1;

    /// <summary>The first ESS request id handed out; a load takes three ids (load, AutoInvoice import, execution report).</summary>
    public long FirstEssRequestId { get; init; } = 603547;

    /// <summary>At most this many entries in an uploaded zip.</summary>
    public int FbdiMaxZipEntries { get; init; } = 16;

    /// <summary>At most this many bytes, uncompressed, in all entries of an uploaded zip together (counted as read).</summary>
    public long FbdiMaxUncompressedBytes { get; init; } = 512L * 1024 * 1024;
}
