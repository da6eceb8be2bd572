using Connector.Mapping.Remittances.Bai2;
using Connector.Mapping.Remittances.Cfonb;
using Connector.Mapping.Remittances.Lockbox;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>On the corpus's text bank files exactly the right reader claims a file from its first bytes.</summary>
public sealed class TextBankSniffTests
{
    [TextBankCorpusTheory]
    [InlineData("bai2-moov/test/testdata/sample1.txt", "bai2")]
    [InlineData("bai2-moov/test/testdata/sample2.txt", "bai2")]
    [InlineData("bai2-moov/test/testdata/sample3.txt", "bai2")]
    [InlineData("bai2-moov/test/testdata/sample4-continuations-newline-delimited.txt", "bai2")]
    [InlineData("bai2-moov/test/testdata/sample5-issue113.txt", "bai2")]
    [InlineData("bai2-moov/test/testdata/errors/sample-parseError.txt", "none")]
    [InlineData("lockbox-bai-fundersclub/lockbox/tests/test_lockbox.bai", "lockbox")]
    [InlineData("lockbox-bai-fundersclub/lockbox/tests/test_empty_lockbox.bai", "lockbox")]
    [InlineData("cfonb-silarhi/tests/fixtures/complex-test.txt", "cfonb")]
    [InlineData("cfonb-silarhi/tests/fixtures/non-strict-test.txt", "cfonb")]
    [InlineData("cfonb-silarhi/tests/fixtures/simple-test.txt", "cfonb")]
    [InlineData("cfonb-silarhi/tests/fixtures/test-unused-parts.txt", "cfonb")]
    [InlineData("cfonb-silarhi/tests/fixtures/cfonb.240-complex-test.txt", "none")]
    [InlineData("camt-genkgo/test/data/camt053.v2.minimal.xml", "none")]
    [InlineData("edi820-oopfactory/tests/OopFactory.X12.Tests.Unit/Parsing/_SampleEdiFiles/ORD/_820/Example5_Wikipedia.txt", "none")]
    public void Sniff_CorpusFile_ClaimedByItsReaderOnly(string relative, string expected)
    {
        var bytes = File.ReadAllBytes(TextBankCorpus.BankPath(relative));
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 512));

        var claimed = new List<string>();
        if (Bai2Reader.Sniff(head))
        {
            claimed.Add("bai2");
        }

        if (LockboxReader.Sniff(head))
        {
            claimed.Add("lockbox");
        }

        if (Cfonb120Reader.Sniff(head))
        {
            claimed.Add("cfonb");
        }

        claimed.ShouldBe(expected == "none" ? [] : [expected]);
    }
}
