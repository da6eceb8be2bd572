using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Tests.Shared;

namespace Connector.OracleEmulator.Tests;

/// <summary>Builds AutoInvoice CSV rows and zips as the product writes them, and drives erpintegrations.</summary>
internal static class FbdiTestFiles
{
    public const string Path = FusionEmulator.ErpIntegrationsPath;
    public const string Context = "CONNECTOR";

    /// <summary>A valid DE01 invoice line (372 fields) for account 10001, 2 x 50.00, keyed CONNECTOR|DE01|INV|number|line.</summary>
    public static string[] Row(string number, int line, decimal quantity = 2m, decimal price = 50m, decimal? amount = null)
    {
        var f = Enumerable.Repeat(string.Empty, 372).ToArray();
        void Set(int position, string value) => f[position - 1] = value;
        Set(1, "300000047123512");
        Set(2, "CONNECTOR DE01");
        Set(3, "DE01 Rechnung");
        Set(4, "30 NET");
        Set(5, "2026/11/20");
        Set(6, "2026/11/20");
        Set(7, number);
        Set(19, "10001");
        Set(20, "10001-BT1");
        Set(26, "LINE");
        Set(27, "Spindle " + line.ToString(CultureInfo.InvariantCulture));
        Set(28, "EUR");
        Set(29, "User");
        Set(31, "1");
        Set(32, (amount ?? quantity * price).ToString(CultureInfo.InvariantCulture));
        Set(33, quantity.ToString(CultureInfo.InvariantCulture));
        Set(35, price.ToString(CultureInfo.InvariantCulture));
        Set(37, Context);
        Set(38, "DE01");
        Set(39, "INV");
        Set(40, number);
        Set(41, line.ToString(CultureInfo.InvariantCulture));
        Set(287, EmulatorSetup.De);
        Set(289, "DE01|INV|" + number);
        Set(372, "END");
        return f;
    }

    /// <summary>A client of another emulator than the class fixture's, as the default user.</summary>
    public static HttpClient ClientFor(FusionEmulator emulator)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorSetup.DefaultUser + ":" + EmulatorSetup.DefaultPassword)));
        return client;
    }

    public static string[] With(this string[] row, int position, string value)
    {
        var copy = (string[])row.Clone();
        copy[position - 1] = value;
        return copy;
    }

    public static byte[] Zip(IEnumerable<string[]> rows, string entryName = "RaInterfaceLinesAll.csv")
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select((v, i) => i == 371 ? v : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append("\r\n");
        }

        return ZipFiles((entryName, csv.ToString()));
    }

    public static byte[] ZipFiles(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    public static JsonObject ImportBody(byte[] zip, string bu = EmulatorSetup.De, string source = "CONNECTOR DE01") => new()
    {
        ["OperationName"] = "importBulkData",
        ["DocumentContent"] = Convert.ToBase64String(zip),
        ["ContentType"] = "zip",
        ["FileName"] = "T" + Guid.NewGuid().ToString("N")[..8] + ".zip",
        ["DocumentAccount"] = "fin$/receivables$/import$",
        ["JobName"] = "/oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss",
        ["ParameterList"] = bu + "," + source + ",2026-11-25," + string.Join(',', Enumerable.Repeat("#NULL", 19)) + ",Y,#NULL",
    };

    public static Task<HttpResponseMessage> PostErpAsync(this HttpClient client, JsonObject body) =>
        client.PostAsync(Path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Imports the rows and returns the load request id.</summary>
    public static async Task<long> ImportAsync(this HttpClient client, IEnumerable<string[]> rows, string bu = EmulatorSetup.De, string source = "CONNECTOR DE01")
    {
        using var response = await client.PostErpAsync(ImportBody(Zip(rows), bu, source));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return long.Parse((await response.JsonAsync())["ReqstId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    public static async Task<string> StatusAsync(this HttpClient client, long id)
    {
        var body = await client.GetJsonAsync(Path + "?finder=ESSJobStatusRF;requestId=" + id.ToString(CultureInfo.InvariantCulture));
        return body["items"]!.AsArray().Single()!["RequestStatus"]!.GetValue<string>();
    }

    /// <summary>Polls until the status is final (at most 20 polls) and returns it.</summary>
    public static async Task<string> FinalStatusAsync(this HttpClient client, long id)
    {
        for (var i = 0; i < 20; i++)
        {
            var status = await client.StatusAsync(id);
            if (status is not ("WAIT" or "RUNNING"))
            {
                return status;
            }
        }

        throw new InvalidOperationException("The job did not finish.");
    }

    /// <summary>The files of the execution details zip, by name.</summary>
    public static async Task<Dictionary<string, string>> DetailsAsync(this HttpClient client, long id, string fileType)
    {
        var body = await client.GetJsonAsync(Path + "?finder=ESSJobExecutionDetailsRF;requestId=" + id.ToString(CultureInfo.InvariantCulture) + ",fileType=" + fileType);
        var zip = Convert.FromBase64String(body["items"]!.AsArray().Single()!["DocumentContent"]!.GetValue<string>());
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    /// <summary>The report rows (after the header) of a finished load, split on commas (test values hold none).</summary>
    public static async Task<List<ReportRow>> ReportAsync(this HttpClient client, long id)
    {
        var files = await client.DetailsAsync(id, "OUT");
        var csv = files["AutoInvoiceExecutionReport_" + (id + 1).ToString(CultureInfo.InvariantCulture) + ".csv"];
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(AutoInvoiceReport.Header);
        return [.. lines.Skip(1).Select(l => new ReportRow(Rfc4180.Fields(l)))];
    }
}

/// <summary>A row of the emulator's execution report.</summary>
internal sealed record ReportRow(string[] Fields)
{
    public string Type => Fields[0];
    public string Number => Fields[5];
    public string Line => Fields[6];
    public string TrxNumber => Fields[18];
    public string CustomerTrxId => Fields[19];
    public string Amount => Fields[20];
    public string Message => Fields[22];
    public string InvalidValue => Fields[23];
}
