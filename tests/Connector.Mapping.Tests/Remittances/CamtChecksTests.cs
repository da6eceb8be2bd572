using System.Text;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Remittances.CamtBuilder;

namespace Connector.Mapping.Tests.Remittances;

public sealed class CamtChecksTests
{
    private const string Tx60 = "<TxDtls><Amt Ccy=\"EUR\">60.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>";
    private const string Tx40 = "<TxDtls><Amt Ccy=\"EUR\">40.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>";

    [Fact]
    public void Read_BatchTotalNotTheSumOfItsDetails_FailsTheFileNamingTtlAmt()
    {
        var xml = Notification("08", Entry("100.00", details: "<Btch><NbOfTxs>2</NbOfTxs><TtlAmt Ccy=\"EUR\">110.00</TtlAmt></Btch>" + Tx60 + Tx40));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtBatchTotal);
        problem.Field.ShouldBe("TtlAmt");
        problem.Message.ShouldBe("The batch total (TtlAmt) is 110.00 but its 2 TxDtls add up to 100.00.");
        problem.Location.Column.ShouldBe("BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/NtryDtls/Btch (TtlAmt)");
        problem.Location.Line.ShouldBe(17);
    }

    [Fact]
    public void Read_BatchCountNotTheNumberOfDetails_FailsTheFile()
    {
        var (_, context) = Read(Notification("08", Entry("100.00", details: "<Btch><NbOfTxs>3</NbOfTxs></Btch>" + Tx60 + Tx40)));

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtBatchTotal);
        problem.Message.ShouldBe("The batch announces 3 transactions (NbOfTxs) but the entry holds 2 TxDtls.");
    }

    [Fact]
    public void Read_BatchWithoutDetails_IsNotChecked()
    {
        var (remittances, context) = Read(Notification("08", Entry("100.00", details: "<Btch><NbOfTxs>20</NbOfTxs><TtlAmt Ccy=\"EUR\">100.00</TtlAmt></Btch>")));

        context.Failed.ShouldBeFalse();
        remittances.ShouldHaveSingleItem().Remittance.Amount.ShouldBe(100.00m);
    }

    [Fact]
    public void Read_BalancesThatReconcile_ReadTheFile()
    {
        var xml = Statement("02", Balance("OPBD", "100.00") + Balance("CLBD", "20.00", "DBIT") + Entry("30.00") + Entry("150.00", "DBIT")
            + Entry("999.00", status: "<Sts>PDNG</Sts>"));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_BalancesInDifferentCurrencies_WarnsAndReadsTheEntries()
    {
        var xml = Statement("08", Balance("OPBD", "100.00") + Balance("CLBD", "130.01").Replace("Ccy=\"EUR\"", "Ccy=\"SEK\"", StringComparison.Ordinal) + Entry("30.00"));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse();
        remittances.Count.ShouldBe(1);
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtBalance);
        problem.Severity.ShouldBe(ProblemSeverity.Warning);
        problem.Message.ShouldContain("different currencies");
    }

    [Fact]
    public void Read_ClosingBalanceNotOpeningPlusMovements_FailsTheFileNamingClbd()
    {
        var xml = Statement("08", Balance("OPBD", "100.00") + Balance("CLBD", "130.01") + Entry("30.00"));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtBalance);
        problem.Field.ShouldBe("CLBD");
        problem.Value.ShouldBe("130.01 EUR CRDT");
        problem.Location.Column.ShouldBe("BkToCstmrStmt/Stmt/Bal[2] (CLBD)");
        problem.Location.Line.ShouldBe(8);
        problem.Message.ShouldStartWith("Opening booked balance 100.00 EUR CRDT + credits 30.00 - debits 0 = 130.00 EUR CRDT, but the closing booked balance (CLBD) is 130.01 EUR CRDT");
    }

    [Fact]
    public void Read_TransactionSummaryMatching_ReadsTheFile()
    {
        const string summary = "<TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries><Sum>40.00</Sum><TtlNetNtry><Amt>20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TtlNetNtry></TtlNtries>"
            + "<TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>30.00</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>1</NbOfNtries><Sum>10.00</Sum></TtlDbtNtries></TxsSummry>";

        var (remittances, context) = Read(Statement("04", summary + Entry("30.00") + Entry("10.00", "DBIT")));

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(2);
    }

    [Fact]
    public void Read_TransactionSummaryV02NotMatching_FailsTheFileNamingEveryTotal()
    {
        const string summary = "<TxsSummry><TtlNtries><NbOfNtries>3</NbOfNtries><TtlNetNtryAmt>20.00</TtlNetNtryAmt><CdtDbtInd>DBIT</CdtDbtInd></TtlNtries>"
            + "<TtlDbtNtries><NbOfNtries>1</NbOfNtries><Sum>10.00</Sum></TtlDbtNtries></TxsSummry>";

        var (_, context) = Read(Statement("02", summary + Entry("30.00") + Entry("10.00", "DBIT")));

        context.Failed.ShouldBeTrue();
        context.Problems.Select(p => p.Field).ShouldBe(["TtlNtries/NbOfNtries", "TtlNtries/TtlNetNtry"]);
        context.Problems.ShouldAllBe(p => p.Code == ProblemCodes.CamtSummaryTotal);
        context.Problems[1].Message.ShouldBe("The transaction summary says TtlNtries/TtlNetNtry = -20.00 but the Stmt has 20.00 (credits - debits).");
    }

    [Theory]
    [InlineData("<Amt Ccy=\"EUR\">12,50</Amt>", "Amt")]
    [InlineData("<Amt Ccy=\"EUR\">-12.50</Amt>", "Amt")]
    [InlineData("<Amt Ccy=\"EUR\"></Amt>", "Amt")]
    public void Read_EntryAmountUnreadable_FailsTheFile(string amount, string field)
    {
        var xml = Statement("02", Entry("1.00")).Replace("<Amt Ccy=\"EUR\">1.00</Amt>", amount, StringComparison.Ordinal);

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtEntryInvalid);
        problem.Field.ShouldBe(field);
    }

    [Fact]
    public void Read_EntryDirectionUnknown_FailsTheFile()
    {
        var (_, context) = Read(Statement("02", Entry("1.00", "CREDIT")));

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Field.ShouldBe("CdtDbtInd");
    }

    [Fact]
    public void Read_MessageWithoutStatement_IsRefusedWithTheReason()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M-9</MsgId></GrpHdr></BkToCstmrStmt></Document>
            """;

        var (_, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtNotStatement);
        problem.Message.ShouldBe("The camt.053.001.02 message M-9 holds no statement, report or notification (Stmt, Rpt, Ntfctn): there is nothing to import and the file is refused.");
    }

    [Fact]
    public void Read_OtherXml_IsRefusedSayingWhatItIs()
    {
        var (_, context) = Read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>");

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtNotStatement);
        problem.Message.ShouldContain("pain.001.001.03");
    }

    [Fact]
    public void Read_Doctype_IsRefusedUnread()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">&xxe;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>
            """;

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        remittances.ShouldBeEmpty();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlUnsafe);
    }

    [Fact]
    public void Read_MalformedOrEmpty_FailsTheFile()
    {
        var (_, malformed) = Read(Statement("02", Entry("1.00"))[..300]);
        malformed.Failed.ShouldBeTrue();
        malformed.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlMalformed);

        var (_, empty) = Read(Encoding.UTF8.GetBytes(string.Empty));
        empty.Failed.ShouldBeTrue();
        empty.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EmptyFile);
    }

    [Fact]
    public void Read_OnePageOfASplitStatement_SkipsTheBalanceCheckAndSaysSo()
    {
        var xml = Statement("08", Balance("OPBD", "100.00") + Balance("CLBD", "500.00") + Entry("30.00"))
            .Replace("<Id>STMT-1</Id>", "<Id>STMT-1</Id><StmtPgntn><PgNb>1</PgNb><LastPgInd>false</LastPgInd></StmtPgntn>", StringComparison.Ordinal);

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse();
        remittances.ShouldHaveSingleItem();
        var warning = context.Problems.ShouldHaveSingleItem();
        warning.Code.ShouldBe(ProblemCodes.CamtPartialStatement);
        warning.Severity.ShouldBe(ProblemSeverity.Warning);
        warning.Message.ShouldContain("page 1 (more follow)");
    }

    [Fact]
    public void Read_WholeStatementOnOnePage_IsChecked()
    {
        var xml = Statement("08", Balance("OPBD", "100.00") + Balance("CLBD", "500.00") + Entry("30.00"))
            .Replace("<Id>STMT-1</Id>", "<Id>STMT-1</Id><StmtPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></StmtPgntn>", StringComparison.Ordinal);

        var (_, context) = Read(xml);

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.CamtBalance);
    }

    [Fact]
    public void Read_PendingEntry_IsKeptWithAWarningAndLeftOutOfTheBalance()
    {
        var xml = Statement("02", Balance("OPBD", "100.00") + Balance("CLBD", "130.00") + Entry("30.00") + Entry("5.00", status: "<Sts>PDNG</Sts>"));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Count.ShouldBe(2);
        remittances[0].Problems.ShouldBeEmpty();
        var warning = remittances[1].Problems.ShouldHaveSingleItem();
        warning.Code.ShouldBe(ProblemCodes.CamtEntryNotBooked);
        warning.Value.ShouldBe("PDNG");
    }

    [Fact]
    public void Read_DetailsNotAddingUpToTheEntry_AreRecordErrorsNotAFileFailure()
    {
        var (remittances, context) = Read(Notification("08", Entry("100.00", details: Tx60 + Tx60)));

        context.Failed.ShouldBeFalse();
        remittances.Count.ShouldBe(2);
        remittances.ShouldAllBe(m => m.Problems.Count == 1 && m.Problems[0].Code == ProblemCodes.CamtDetailsTotal && m.Problems[0].Severity == ProblemSeverity.Error);
        remittances[0].Problems[0].Message.ShouldBe("The entry booked 100.00 EUR but its 2 TxDtls come to 120.00: the amounts of its payments cannot all be right.");
    }

    [Fact]
    public void Read_DetailsWithChargesOrInAnotherCurrency_AreNotAddedUp()
    {
        const string charges = "<TxDtls><Amt Ccy=\"EUR\">60.00</Amt><Chrgs><TtlChrgsAndTaxAmt Ccy=\"EUR\">0.50</TtlChrgsAndTaxAmt></Chrgs></TxDtls>";
        var (withCharges, _) = Read(Notification("08", Entry("59.50", details: charges)));
        withCharges.ShouldHaveSingleItem().Problems.ShouldBeEmpty();

        const string dollars = "<TxDtls><Amt Ccy=\"USD\">65.00</Amt></TxDtls>";
        var (foreign, _) = Read(Notification("08", Entry("60.00", details: dollars)));
        var mapped = foreign.ShouldHaveSingleItem();
        mapped.Remittance.Currency.ShouldBe("USD");
        var warning = mapped.Problems.ShouldHaveSingleItem();
        warning.Code.ShouldBe(ProblemCodes.CamtDetailsCurrency);
        warning.Message.ShouldBe("The transaction is 65.00 USD; the bank booked the entry as 60.00 EUR.");
    }
}
