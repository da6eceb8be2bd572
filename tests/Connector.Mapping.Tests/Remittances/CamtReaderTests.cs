using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Remittances.CamtBuilder;

namespace Connector.Mapping.Tests.Remittances;

public sealed class CamtReaderTests
{
    private const string V02Transaction = """
        <TxDtls>
          <Refs><AcctSvcrRef>TX-REF-1</AcctSvcrRef><EndToEndId>E2E-4711</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="EUR">1190.00</Amt></TxAmt></AmtDtls>
          <RltdPties>
            <Dbtr><Nm>Müller Maschinenbau GmbH</Nm><Id><OrgId><Othr><Id>DE123456789</Id></Othr></OrgId></Id></Dbtr>
            <DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct>
          </RltdPties>
          <RltdAgts><DbtrAgt><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></DbtrAgt></RltdAgts>
          <RmtInf>
            <Ustrd>RE 2024-001 UND 2024-002</Ustrd>
            <Strd>
              <RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>2024-001</Nb></RfrdDocInf>
              <RfrdDocAmt>
                <DuePyblAmt Ccy="EUR">1000.00</DuePyblAmt>
                <DscntApldAmt Ccy="EUR">20.00</DscntApldAmt>
                <RmtdAmt Ccy="EUR">950.00</RmtdAmt>
                <AdjstmntAmtAndRsn><Amt Ccy="EUR">30.00</Amt><Rsn>DAMAGED</Rsn></AdjstmntAmtAndRsn>
              </RfrdDocAmt>
              <AddtlRmtInf>short paid</AddtlRmtInf>
            </Strd>
            <Strd>
              <RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>2024-002</Nb></RfrdDocInf>
              <RfrdDocAmt><RmtdAmt Ccy="EUR">300.00</RmtdAmt></RfrdDocAmt>
            </Strd>
            <Strd>
              <RfrdDocInf><Tp><CdOrPrtry><Cd>CREN</Cd></CdOrPrtry></Tp><Nb>GS-77</Nb></RfrdDocInf>
              <RfrdDocAmt><CdtNoteAmt Ccy="EUR">60.00</CdtNoteAmt></RfrdDocAmt>
            </Strd>
          </RmtInf>
        </TxDtls>
        """;

    [Fact]
    public void Read_V02TransactionDetails_MapsPartyAccountsReferencesAndStructuredLines()
    {
        var (remittances, context) = Read(Statement("02", Entry("1190.00", details: V02Transaction)));

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var mapped = remittances.ShouldHaveSingleItem();
        mapped.Problems.ShouldBeEmpty();
        var r = mapped.Remittance;
        r.EntityCode.ShouldBe("DE01");
        r.PaymentNumber.ShouldBe("E2E-4711");
        r.BankReference.ShouldBe("TX-REF-1");
        r.Amount.ShouldBe(1190.00m);
        r.Currency.ShouldBe("EUR");
        r.Direction.ShouldBe(EntryDirection.Credit);
        r.Method.ShouldBe(PaymentMethod.CreditTransfer);
        r.BankTransactionCode.ShouldBe("PMNT/RCDT/ESCT");
        r.BookingDate.ShouldBe(new DateOnly(2024, 3, 1));
        r.ValueDate.ShouldBe(new DateOnly(2024, 3, 2));
        r.ReceivingAccount.ShouldBe("DE89370400440532013000");
        r.Payer.ShouldBe(new PayerReference { Name = "Müller Maschinenbau GmbH", TaxId = "DE123456789", BankAccount = "DE02120300000000202051", BankId = "BYLADEM1001" });
        r.FreeText.ShouldBe("RE 2024-001 UND 2024-002");
        r.Source.Column!.ShouldEndWith("Ntry/NtryDtls/TxDtls");
        r.Source.Line.ShouldNotBeNull();

        r.Lines.Count.ShouldBe(3);
        r.Lines[0].ShouldSatisfyAllConditions(
            l => l.LineNumber.ShouldBe(1),
            l => l.Reference.ShouldBe("2024-001"),
            l => l.Kind.ShouldBe(ReferenceKind.Invoice),
            l => l.AmountPaid.ShouldBe(950.00m),
            l => l.InvoiceAmount.ShouldBe(1000.00m),
            l => l.DiscountTaken.ShouldBe(20.00m),
            l => l.Deduction.ShouldBe(30.00m),
            l => l.DeductionReason.ShouldBe("DAMAGED"),
            l => l.Text.ShouldBe("short paid"));
        r.Lines[1].AmountPaid.ShouldBe(300.00m);
        r.Lines[2].ShouldSatisfyAllConditions(
            l => l.Reference.ShouldBe("GS-77"),
            l => l.Kind.ShouldBe(ReferenceKind.CreditNote),
            l => l.AmountPaid.ShouldBe(60.00m));
    }

    [Fact]
    public void Read_V08PartyPathAndTypedDiscount_AreRead()
    {
        const string tx = """
            <TxDtls>
              <Refs><EndToEndId>NOTPROVIDED</EndToEndId><UETR>8a562c67-ca16-48ba-b074-65581be6f011</UETR></Refs>
              <Amt Ccy="CHF">250.00</Amt>
              <CdtDbtInd>CRDT</CdtDbtInd>
              <RltdPties>
                <Dbtr><Pty><Nm>Beispiel AG</Nm><Id><OrgId><AnyBIC>BEISCHZZ</AnyBIC></OrgId></Id></Pty></Dbtr>
                <DbtrAcct><Id><Othr><Id>12-3456-7</Id></Othr></Id></DbtrAcct>
              </RltdPties>
              <RltdAgts><DbtrAgt><FinInstnId><BICFI>UBSWCHZH80A</BICFI></FinInstnId></DbtrAgt></RltdAgts>
              <RmtInf>
                <Strd>
                  <RfrdDocAmt><DscntApldAmt><Tp><Cd>PPD</Cd></Tp><Amt Ccy="CHF">5.00</Amt></DscntApldAmt><RmtdAmt Ccy="CHF">250.00</RmtdAmt></RfrdDocAmt>
                  <CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf>
                </Strd>
              </RmtInf>
            </TxDtls>
            """;

        var (remittances, context) = Read(Notification("08", Entry("250.00", details: tx, status: "<Sts><Cd>BOOK</Cd></Sts>")));

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        var r = remittances.ShouldHaveSingleItem().Remittance;
        r.PaymentNumber.ShouldBeNull();
        r.Currency.ShouldBe("CHF");
        r.ReceivingAccount.ShouldBe("0532013000");
        r.Payer.ShouldBe(new PayerReference { Name = "Beispiel AG", TaxId = "BEISCHZZ", BankAccount = "12-3456-7", BankId = "UBSWCHZH80A" });
        var line = r.Lines.ShouldHaveSingleItem();
        line.Kind.ShouldBe(ReferenceKind.CreditorReference);
        line.Reference.ShouldBe("210000000003139471430009017");
        line.AmountPaid.ShouldBe(250.00m);
        line.DiscountTaken.ShouldBe(5.00m);
    }

    [Fact]
    public void Read_V08DebtorIsABank_TakesTheAgentsNameAndBic()
    {
        const string tx = """
            <TxDtls>
              <Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <RltdPties><Dbtr><Agt><FinInstnId><BICFI>COBADEFFXXX</BICFI><Nm>Commerzbank</Nm></FinInstnId></Agt></Dbtr></RltdPties>
            </TxDtls>
            """;

        var r = Read(Notification("08", Entry("10.00", details: tx))).Remittances.ShouldHaveSingleItem().Remittance;

        r.Payer.Name.ShouldBe("Commerzbank");
        r.Payer.BankId.ShouldBe("COBADEFFXXX");
        r.Payer.TaxId.ShouldBeNull();
    }

    [Fact]
    public void Read_ChequeNumber_IsThePaymentNumberAndTheMethod()
    {
        const string tx = "<TxDtls><Refs><EndToEndId>E2E</EndToEndId><ChqNb>000123</ChqNb></Refs><Amt Ccy=\"EUR\">5.00</Amt></TxDtls>";
        var xml = Statement("04", Entry("5.00", details: tx)).Replace("<Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd>", "<Cd>RCHQ</Cd><SubFmlyCd>CCHQ</SubFmlyCd>", StringComparison.Ordinal);

        var r = Read(xml).Remittances.ShouldHaveSingleItem().Remittance;

        r.PaymentNumber.ShouldBe("000123");
        r.Method.ShouldBe(PaymentMethod.Cheque);
    }

    [Fact]
    public void Read_EntriesWithoutDetails_AreOnePaymentEachWithTheEntrysText()
    {
        var xml = Statement("02", Entry("10.00", extra: "<NtryRef>N-1</NtryRef>") + Entry("3.50", "DBIT").Replace("</Ntry>", "<AddtlNtryInf>BANK CHARGES</AddtlNtryInf></Ntry>", StringComparison.Ordinal));

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Select(m => (m.Remittance.Amount, m.Remittance.Direction, m.Remittance.BankReference)).ShouldBe(
            [(10.00m, EntryDirection.Credit, "BANKREF-10.00"), (3.50m, EntryDirection.Debit, "BANKREF-3.50")]);
        remittances[1].Remittance.FreeText.ShouldBe("BANK CHARGES");
        remittances[0].Remittance.Source.Column!.ShouldEndWith("Stmt/Ntry[1]");
    }

    [Fact]
    public void Read_DateTimes_GiveTheDateAsTheBankWroteIt()
    {
        var xml = Statement("02", Entry("1.00"))
            .Replace("<BookgDt><Dt>2024-03-01</Dt></BookgDt>", "<BookgDt><DtTm>2024-03-01T23:30:00-05:00</DtTm></BookgDt>", StringComparison.Ordinal)
            .Replace("<ValDt><Dt>2024-03-02</Dt></ValDt>", "<ValDt><DtTm>2024-03-02T00:15:00</DtTm></ValDt>", StringComparison.Ordinal);

        var mapped = Read(xml).Remittances.ShouldHaveSingleItem();

        mapped.Problems.ShouldBeEmpty();
        mapped.Remittance.BookingDate.ShouldBe(new DateOnly(2024, 3, 1));
        mapped.Remittance.ValueDate.ShouldBe(new DateOnly(2024, 3, 2));
    }

    [Fact]
    public void Read_BadDate_IsARecordError()
    {
        var xml = Statement("02", Entry("1.00")).Replace("<Dt>2024-03-02</Dt>", "<Dt>2024-02-30</Dt>", StringComparison.Ordinal);

        var (remittances, context) = Read(xml);

        context.Failed.ShouldBeFalse();
        var problem = remittances.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidDate);
        problem.Value.ShouldBe("2024-02-30");
    }

    [Fact]
    public void Read_Reversal_IsFlaggedOnTheRecordAndInTheText()
    {
        var (remittances, _) = Read(Statement("02", Entry("40.00", extra: "<RvslInd>true</RvslInd>")));

        var mapped = remittances.ShouldHaveSingleItem();
        var problem = mapped.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CamtReversal);
        problem.Severity.ShouldBe(ProblemSeverity.Warning);
        mapped.Remittance.FreeText!.ShouldStartWith("REVERSAL");
    }

    [Fact]
    public void Read_SeveralDetailsWithAmounts_AreOnePaymentEach()
    {
        const string tx1 = "<TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy=\"EUR\">60.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>";
        const string tx2 = "<TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><Amt Ccy=\"EUR\">40.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>";

        var (remittances, context) = Read(Notification("08", Entry("100.00", details: "<Btch><NbOfTxs>2</NbOfTxs><TtlAmt Ccy=\"EUR\">100.00</TtlAmt></Btch>" + tx1 + tx2)));

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        remittances.Select(m => (m.Remittance.PaymentNumber, m.Remittance.Amount)).ShouldBe([("A", 60.00m), ("B", 40.00m)]);
        remittances.ShouldAllBe(m => m.Remittance.BankReference == "BANKREF-100.00");
    }

    [Fact]
    public void Sniff_CamtAndOtherXml_TellsThemApart()
    {
        Connector.Mapping.Remittances.Camt.CamtReader.Sniff(System.Text.Encoding.UTF8.GetBytes(Statement("08", string.Empty))).ShouldBeTrue();
        Connector.Mapping.Remittances.Camt.CamtReader.Sniff(System.Text.Encoding.UTF8.GetBytes(Notification("02", string.Empty))[..200]).ShouldBeTrue();
        Connector.Mapping.Remittances.Camt.CamtReader.Sniff("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>"u8).ShouldBeFalse();
        Connector.Mapping.Remittances.Camt.CamtReader.Sniff("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"u8).ShouldBeFalse();
        Connector.Mapping.Remittances.Camt.CamtReader.Sniff("ISA*00*"u8).ShouldBeFalse();
    }
}
