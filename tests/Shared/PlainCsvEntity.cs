namespace Connector.Testing;

/// <summary>
/// The plain invoice export the posting tests and benchmarks generate: one row per invoice line, comma-separated,
/// ISO dates, invariant numbers; its profile <c>export</c>, and the source block that reads it from
/// <c>inbox/&lt;CODE&gt;</c>. Linked into the test and benchmark projects that write such an entity.
/// </summary>
internal static class PlainCsvEntity
{
    public const string Header = "Invoice No,Invoice Date,Customer Account,Currency,Line,Description,Qty,Unit Price,Line Amount";

    public const string Profile = """
        name: export
        format: csv
        dates:
          formats: [yyyy-MM-dd]
        fields:
          invoice_number: { column: "Invoice No" }
          issue_date: { column: "Invoice Date" }
          customer_account: { column: "Customer Account" }
          currency: { column: Currency }
          line_number: { column: Line }
          description: { column: Description }
          quantity: { column: Qty }
          unit_price: { column: "Unit Price" }
          amount: { column: "Line Amount" }
        """;

    /// <summary>The <c>sources</c> block of entity.yaml for entity <paramref name="code"/> (top level, no indent).</summary>
    public static string Sources(string code) => $$"""
        sources:
          - name: export
            inbox: inbox/{{code}}
            schedule: "0 */5 * * * ?"
            profile: export
            pattern: "*.csv"
        """;

    /// <summary>Writes <c>entity.yaml</c> (<paramref name="entityYaml"/> followed by the sources block) and <c>export.yaml</c>.</summary>
    public static void Write(string folder, string code, string entityYaml)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "entity.yaml"), entityYaml.TrimEnd() + "\n" + Sources(code) + "\n");
        File.WriteAllText(Path.Combine(folder, "export.yaml"), Profile + "\n");
    }
}
