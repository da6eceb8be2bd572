using System.Globalization;
using System.Text;

namespace Connector.Host.Tests.Ocr;

public sealed class OcrDumpTemp(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    [TesseractCorpusFact]
    public void Dump()
    {
        Directory.CreateDirectory("/tmp/ocrdump");
        foreach (var json in Directory.GetFiles(Tesseract.Synthetic, "*.json"))
        {
            var truth = Connector.Host.Bench.OcrGroundTruth.Load(json);
            var page = fixture.Engine.Read(File.ReadAllBytes(Path.Combine(Tesseract.Synthetic, truth.Image)), truth.Language);
            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"PAGE {page.Width} {page.Height} {page.Dpi}");
            foreach (var w in page.Words)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{w.Block}\t{w.Paragraph}\t{w.Line}\t{w.Box.Left}\t{w.Box.Top}\t{w.Box.Width}\t{w.Box.Height}\t{w.Confidence:0.0}\t{w.Text}");
            }

            File.WriteAllText("/tmp/ocrdump/" + Path.GetFileNameWithoutExtension(json) + ".tsv", sb.ToString());
            File.WriteAllText("/tmp/ocrdump/" + Path.GetFileNameWithoutExtension(json) + ".txt", string.Join('\n', page.Lines.Select(l => string.Join(' ', l.Select(w => w.Text)))));
        }
    }
}
