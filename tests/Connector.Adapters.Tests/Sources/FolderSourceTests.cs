using Connector.Adapters.Sources.Folder;

namespace Connector.Adapters.Tests.Sources;

public sealed class FolderSourceTests : IDisposable
{
    private readonly string _inbox = Directory.CreateTempSubdirectory("inbox-").FullName;

    public void Dispose() => Directory.Delete(_inbox, recursive: true);

    [Fact]
    public void ListReady_SeveralPatterns_TakesEachAlternativeAndNothingElse()
    {
        foreach (var name in new[] { "a.pdf", "b.XML", "c.csv", ".hidden.pdf" })
        {
            File.WriteAllText(Path.Combine(_inbox, name), "x");
        }

        var source = new FolderSource(_inbox, "*.pdf | *.xml", TimeSpan.Zero, TimeProvider.System);

        source.ListReady().Select(Path.GetFileName).ShouldBe(["a.pdf", "b.XML"]);
        source.Accepts("invoice.Pdf").ShouldBeTrue();
        source.Accepts("invoice.csv").ShouldBeFalse();
    }

    [Fact]
    public void ListReady_FileStillBeingWritten_IsLeftForTheNextPass()
    {
        File.WriteAllText(Path.Combine(_inbox, "new.csv"), "x");

        new FolderSource(_inbox, "*", TimeSpan.FromHours(1), TimeProvider.System).ListReady().ShouldBeEmpty();
    }
}
