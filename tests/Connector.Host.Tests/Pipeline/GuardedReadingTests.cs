using Connector.Host.Pipeline;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Host.Tests.Pipeline;

public sealed class GuardedReadingTests
{
    [Fact]
    public void Guarded_ReaderThrows_DocumentFailsWithTheErrorAndEarlierInvoicesStay()
    {
        var context = new DocumentReadContext("odd.xlsx");

        var read = DocumentProcessor.Guarded(Throwing(), context).ToList();

        read.Select(m => m.Invoice.Number).ShouldBe(["F1"]);
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.ReadFailed);
        problem.Message.ShouldContain("InvalidCastException: the library met a cell it cannot read");
        problem.Location.Document.ShouldBe("odd.xlsx");
    }

    private static IEnumerable<MappedInvoice> Throwing()
    {
        yield return new MappedInvoice(new Invoice { EntityCode = "T", Number = "F1", Source = new SourceLocation("odd.xlsx", 2) }, []);
        throw new InvalidCastException("the library met a cell it cannot read");
    }
}
