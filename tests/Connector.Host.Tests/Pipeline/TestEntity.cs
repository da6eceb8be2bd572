using System.Globalization;
using System.Text;

namespace Connector.Host.Tests.Pipeline;

/// <summary>A small entity written by the test: a plain comma-separated invoice export and a four-customer master.</summary>
internal sealed class TestEntity : IDisposable
{
    public const string Header = "Invoice No,Invoice Date,Customer Account,Customer Name,Currency,Line,Description,Qty,Unit Price,Line Amount";

    private readonly TempDirectory _root = new();

    public TestEntity()
    {
        var folder = Path.Combine(_root.Path, "t01");
        Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(Path.Combine(folder, "entity.yaml"), """
            code: T01
            name: Test Company
            currency: USD
            country: US
            master_data: customers.csv
            target:
              type: oracle-fbdi
              business_unit: T01 BU
              transaction_source: CONNECTOR T01
              transaction_type: Invoice
              credit_memo_type: Credit Memo
              default_terms: 30 NET
              outbox: outbox/T01
            sources:
              - name: export
                inbox: inbox/T01
                schedule: "0 */5 * * * ?"
                profile: export
                pattern: "*.csv"
            """);
        System.IO.File.WriteAllText(Path.Combine(folder, "export.yaml"), """
            name: export
            format: csv
            dates:
              formats: [yyyy-MM-dd]
            fields:
              invoice_number: { column: "Invoice No" }
              issue_date: { column: "Invoice Date" }
              customer_account: { column: "Customer Account" }
              customer_name: { column: "Customer Name" }
              currency: { column: Currency }
              line_number: { column: Line }
              description: { column: Description }
              quantity: { column: Qty }
              unit_price: { column: "Unit Price" }
              amount: { column: "Line Amount" }
            """);
        System.IO.File.WriteAllText(Path.Combine(folder, "customers.csv"), """
            account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address
            A-1,Acme Corporation,,,active,USD,A-1-BT,1 Main St
            B-2,Globex Industries,,,active,USD,B-2-BT,2 Main St
            C-3,Initech Systems,,,active,USD,C-3-BT,3 Main St
            D-4,Umbrella Pharmaceuticals,,,active,USD,D-4-BT,4 Main St
            """);
    }

    public string Mappings => _root.Path;

    /// <summary>One CSV line: an invoice with one line of quantity x price.</summary>
    public static string Row(string number, string account, string name, decimal quantity = 1, decimal price = 100m, string date = "2026-11-03", int line = 1)
        => string.Create(CultureInfo.InvariantCulture, $"{number},{date},{account},{name},USD,{line},Widgets,{quantity},{price},{quantity * price}");

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", new[] { Header }.Concat(rows)) + "\n");

    public void Dispose() => _root.Dispose();
}
