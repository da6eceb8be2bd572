using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// The real program on a machine where poppler's tools cannot be found: the Factur-X PDFs of an e-invoice source wait
/// in the inbox, saying why, while the XML e-invoices beside them go through; nothing is failed or lost.
/// </summary>
public sealed class PdfToolsMissingTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task RunOnce_PdfToolsMissing_PdfsWaitInTheInboxAndXmlGoesOn()
    {
        var mappings = Path.Combine(_root.Path, "mappings");
        var data = Path.Combine(_root.Path, "data");
        MappingsCopy.Copy(mappings, yaml => yaml, "fr-dupont");
        var inbox = Path.Combine(data, "inbox", "FR01-efactures");
        Directory.CreateDirectory(inbox);
        foreach (var sample in Directory.GetFiles(Path.Combine(mappings, "fr-dupont", "samples"), "FR01_efacture_*"))
        {
            File.Copy(sample, Path.Combine(inbox, Path.GetFileName(sample)));
        }

        var connector = new ConnectorProcess();
        var missing = Path.Combine(_root.Path, "no-such-tool");
        var process = connector.Start(data, mappings, new Dictionary<string, string> { ["CONNECTOR_PDFDETACH"] = missing, ["CONNECTOR_PDFINFO"] = missing });
        (await ConnectorProcess.WaitAsync(process, TimeSpan.FromSeconds(120))).ShouldBeTrue(connector.Output);

        process.ExitCode.ShouldBe(0, connector.Output);
        Directory.GetFiles(inbox).Select(Path.GetFileName).Order().ShouldBe(
            ["FR01_efacture_FX26-00101_EN16931.pdf", "FR01_efacture_FX26-00102_BASIC.pdf", "FR01_efacture_FX26-00103_AVOIR.pdf", "FR01_efacture_FX26-00104_BASICWL.pdf"]);
        connector.Output.ShouldContain("waits in the inbox");
        connector.Output.ShouldContain("poppler-utils");
        using var store = SqliteStore.Open(Path.Combine(data, "connector.db"));
        store.RecordsOfRun(1).Select(r => r.Number).Order().ShouldBe(["FX26-00105", "FX26-00106"]);
    }

    public void Dispose() => _root.Dispose();
}
