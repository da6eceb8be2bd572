using System.Globalization;
using System.Xml.Linq;
using Connector.Host.Reports;
using static Connector.Host.Tests.Reports.ReportTestData;

namespace Connector.Host.Tests.Reports;

public sealed class ReportHtmlRendererTests
{
    [Fact]
    public void Render_Balanced_GreenBannerWithoutAlert()
    {
        var html = ReportHtmlRenderer.Render(Report());

        html.ShouldContain("class=\"banner ok\"");
        html.ShouldContain("Balanced");
        html.ShouldNotContain("NOT BALANCED");
        html.ShouldNotContain("banner bad");
    }

    [Fact]
    public void Render_Unbalanced_RedBannerNamingTheDifferencePerCurrency()
    {
        var html = ReportHtmlRenderer.Render(Report([Eur(pendingAmount: -1_000m), Usd()]));

        html.ShouldContain("class=\"banner bad\"");
        html.ShouldContain("NOT BALANCED: difference 1,250.00 EUR, 0 record(s)");
        html.ShouldNotContain("USD, 0 record(s)", Case.Sensitive, "a balanced currency is not flagged");
        html.ShouldNotContain("banner ok");
    }

    [Fact]
    public void Render_Totals_InvariantAmountsWithThousandsSeparators()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var html = ReportHtmlRenderer.Render(Report());

            html.ShouldContain(">12,345.67<");
            html.ShouldContain(">-1,500.50<");
            html.ShouldContain(">10,000.00<");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_HostileDocumentName_EncodedNeverMarkup()
    {
        const string name = "<script>alert('x')</script><img src=x onerror=alert(1)>\"&.csv";
        var html = ReportHtmlRenderer.Render(Report(documentName: name, problems: ["<b>bold</b> & \"quoted\""]));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>bold");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&amp;.csv");
        html.ShouldContain("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    }

    [Fact]
    public void Render_Page_SelfContainedWithoutScriptOrExternalResources()
    {
        var html = ReportHtmlRenderer.Render(Report());

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<style>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("http:", Case.Insensitive);
        html.ShouldNotContain("https:", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
        XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..].Replace("&middot;", "·", StringComparison.Ordinal)
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal)
            .Replace("initial-scale=1\">", "initial-scale=1\"/>", StringComparison.Ordinal))
            .Root!.Name.LocalName.ShouldBe("html", "the page is well-formed, every element closed");
    }

    [Fact]
    public void Render_Exceptions_BarsScaledToTheLargestCount()
    {
        var html = ReportHtmlRenderer.Render(Report());

        html.ShouldContain("CUSTOMER_UNKNOWN</span><span class=\"bar-track\"><span class=\"bar\" style=\"display:block;width:100%\">");
        html.ShouldContain("TOTAL_MISMATCH</span><span class=\"bar-track\"><span class=\"bar\" style=\"display:block;width:50%\">");
        html.IndexOf("CUSTOMER_UNKNOWN", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("TOTAL_MISMATCH", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HeaderDocumentsAndPackages_Shown()
    {
        var html = ReportHtmlRenderer.Render(Report());

        html.ShouldContain("FR01 &middot; Dupont Distribution SAS");
        html.ShouldContain("2026-03-17 08:30:00 +01:00");
        html.ShouldContain("2 min 05 s");
        html.ShouldContain("factures-mars.csv");
        html.ShouldContain("line 4: CUSTOMER_UNKNOWN: no customer &#39;X&#39;");
        html.ShouldContain("<li>FR01-20260317-0001.zip</li>");
    }

    [Fact]
    public void Render_RunningRunWithNothingRead_SaysSo()
    {
        var html = ReportHtmlRenderer.Render(Report([]) with { FinishedAt = null, Packages = [], ExceptionsByCode = [] });

        html.ShouldContain("not finished");
        html.ShouldContain("No records were read.");
        html.ShouldContain("No exceptions.");
        html.ShouldContain("No package was written and no import started.");
    }
}
