using System.Globalization;
using System.Text;
using Connector.Adapters.MasterData;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Tests.MasterData;

public sealed class CsvCustomerMasterReaderTests
{
    private const string Header = "account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address\n";

    [Fact]
    public void Read_GoodRows_GiveCustomersWithListsStatusAndBillToSite()
    {
        var result = Read(Header
            + "C-1001,Acme Corporation,ACME|Acme Corp International,FR40303265045|30326504500012,active,EUR,S-1001-1,\"1 rue de la Paix, 75002 Paris\"\n"
            + "C-1002,\"Müller GmbH & Co. KG\",,DE123456789,credit_hold,eur,S-1002-1,\n"
            + "C-1003,Old Customer,,,inactive,,,\n");

        result.Problems.ShouldBeEmpty();
        result.Customers.Count.ShouldBe(3);
        var acme = result.Customers[0];
        acme.AccountNumber.ShouldBe("C-1001");
        acme.Name.ShouldBe("Acme Corporation");
        acme.AlternateNames.ShouldBe(["ACME", "Acme Corp International"]);
        acme.TaxIds.ShouldBe(["FR40303265045", "30326504500012"]);
        acme.Status.ShouldBe(CustomerStatus.Active);
        acme.Currency.ShouldBe("EUR");
        acme.BillToSite.ShouldBe(new CustomerSite("S-1001-1", "BILL_TO", true, "1 rue de la Paix, 75002 Paris"));
        result.Customers[1].Name.ShouldBe("Müller GmbH & Co. KG");
        result.Customers[1].Status.ShouldBe(CustomerStatus.CreditHold);
        result.Customers[1].Currency.ShouldBe("EUR");
        result.Customers[2].Status.ShouldBe(CustomerStatus.Inactive);
        result.Customers[2].Sites.ShouldBeEmpty();
        result.Customers[2].Currency.ShouldBeNull();
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderWithBomAndCrLf_AreFoundByName()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(" Name ,STATUS,Account_Number\r\nAcme,,C-1\r\n")).ToArray();

        var result = CsvCustomerMasterReader.Read(new MemoryStream(bytes), "customers.csv");

        result.Problems.ShouldBeEmpty();
        var customer = result.Customers.ShouldHaveSingleItem();
        customer.AccountNumber.ShouldBe("C-1");
        customer.Name.ShouldBe("Acme");
        customer.Status.ShouldBe(CustomerStatus.Active);
    }

    [Fact]
    public void Read_RowWithoutAccountNumber_IsAProblemAndLeftOut()
    {
        var result = Read(Header + "C-1,Good,,,active,,,\n ,Nameless Account,,,active,,,\nC-3,Also Good,,,,,,\n");

        result.Customers.Select(c => c.AccountNumber).ShouldBe(["C-1", "C-3"]);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Location.ShouldBe(new SourceLocation("customers.csv", 3, "account_number"));
        problem.Field.ShouldBe("account_number");
    }

    [Fact]
    public void Read_RowWithoutName_IsAProblemAndLeftOut()
    {
        var result = Read(Header + "C-1,,,,active,,,\n");

        result.Customers.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Location.ShouldBe(new SourceLocation("customers.csv", 2, "name"));
    }

    [Fact]
    public void Read_UnknownStatus_IsAProblemNamingTheValue()
    {
        var result = Read(Header + "C-1,Acme,,,blocked,,,\nC-2,Globex,,,Credit-Hold,,,\n");

        result.Customers.ShouldHaveSingleItem().AccountNumber.ShouldBe("C-2");
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        problem.Location.ShouldBe(new SourceLocation("customers.csv", 2, "status"));
        problem.Value.ShouldBe("blocked");
    }

    [Fact]
    public void Read_RepeatedAccountNumber_KeepsTheFirstAndNamesItsLine()
    {
        var result = Read(Header + "C-1,Acme,,,,,,\nC-2,Globex,,,,,,\nc-1 ,Acme Again,,,,,,\n");

        result.Customers.Select(c => c.Name).ShouldBe(["Acme", "Globex"]);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MasterDuplicateAccount);
        problem.Location.ShouldBe(new SourceLocation("customers.csv", 4, "account_number"));
        problem.Message.ShouldContain("already on line 2");
    }

    [Fact]
    public void Read_QuotedLineBreak_KeepsPhysicalLineNumbersOfLaterRows()
    {
        var result = Read(Header + "C-1,Acme,,,,,S-1,\"1 rue de la Paix\n75002 Paris\"\nC-2,,,,,,,\n");

        result.Customers.ShouldHaveSingleItem().BillToSite!.Address.ShouldBe("1 rue de la Paix\n75002 Paris");
        result.Problems.ShouldHaveSingleItem().Location.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_RowWithExtraFields_IsMalformedAndLeftOut()
    {
        var result = Read(Header + "C-1,Acme,,,,,S-1,1 rue de la Paix, 75002 Paris\nC-2,Globex,,,,,,,\n");

        result.Customers.ShouldHaveSingleItem().AccountNumber.ShouldBe("C-2");
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MalformedCsv);
        problem.Location.Line.ShouldBe(2);
    }

    [Fact]
    public void Read_BrokenQuoting_IsMalformedAndTheOtherRowsAreKept()
    {
        var result = Read(Header + "C-1,\"Acme\"x,,,,,,\nC-2,Globex,,,,,,\n");

        result.Customers.ShouldHaveSingleItem().AccountNumber.ShouldBe("C-2");
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MalformedCsv);
        problem.Location.Line.ShouldBe(2);
    }

    [Fact]
    public void Read_MissingRequiredColumn_IsColumnMissingAndNoCustomers()
    {
        var result = Read("account_number,status\nC-1,active\n");

        result.Customers.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MissingColumn);
        problem.Field.ShouldBe("name");
    }

    [Fact]
    public void Read_EmptyFile_IsFileEmpty()
    {
        var result = Read(string.Empty);

        result.Customers.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EmptyFile);
    }

    [Fact]
    public void Read_HundredThousandRows_ReadsThemAll()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 100_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{i:D6},Customer {i} SAS,Alt {i}|Other {i},FR00{100000000 + i},active,EUR,S-{i},\"{i} rue X, Paris\"\n");
        }

        var result = Read(text.ToString());

        result.Problems.ShouldBeEmpty();
        result.Customers.Count.ShouldBe(100_000);
        result.Customers[99_999].AlternateNames.ShouldBe(["Alt 99999", "Other 99999"]);
        result.Customers[99_999].BillToSite!.Address.ShouldBe("99999 rue X, Paris");
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8_DoNotThrow()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "C-1,M").Concat(new byte[] { 0xFF, 0xFE, 0x80 }).Concat(Encoding.UTF8.GetBytes("ller,,,,,,\nC-2,Globex,,,,,,\n")).ToArray();

        var result = CsvCustomerMasterReader.Read(new MemoryStream(bytes), "customers.csv");

        result.Customers.Select(c => c.AccountNumber).ShouldContain("C-2");
    }

    private static CustomerMasterReadResult Read(string text)
        => CsvCustomerMasterReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "customers.csv");
}
