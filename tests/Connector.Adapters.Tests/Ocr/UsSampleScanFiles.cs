using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connector.Adapters.Tests.EInvoicing;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>
/// US01's sample cheque scans (mappings/us-acme/samples/cheques) and small decoders that prove each file is a whole
/// image: PNG (inflate + unfilter), TIFF (every page; LZW strips decoded, G4 described), PDF (its deflated images).
/// </summary>
internal static partial class UsSampleScanFiles
{
    public sealed record Raster(int Width, int Height, int Dpi, int Compression, byte[]? Pixels)
    {
        /// <summary>The share of pixels darker than mid-grey: ink on a light page is a few percent.</summary>
        public double Ink => Pixels is null ? double.NaN : Pixels.Count(p => p < 128) / (double)Pixels.Length;
    }

    public static string Folder => Path.Combine(Poppler.RepositoryRoot, "mappings", "us-acme", "samples", "cheques");

    public static string SamplesFolder => Path.Combine(Poppler.RepositoryRoot, "mappings", "us-acme", "samples");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        return document.RootElement.Clone();
    }

    public static Raster Png(byte[] png)
    {
        png.AsSpan(0, 8).SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]).ShouldBeTrue("PNG signature");
        int width = 0, height = 0, dpi = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                    (data[8], data[9]).ShouldBe(((byte)8, (byte)0), "8-bit greyscale");
                    break;
                case "pHYs":
                    dpi = (int)Math.Round(BinaryPrimitives.ReadInt32BigEndian(data) * 0.0254);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                default:
                    type.ShouldNotBe("tIME", "a PNG date makes the generator non-deterministic");
                    break;
            }

            at += 12 + length;
        }

        var raw = Inflate(idat.ToArray());
        raw.Length.ShouldBe(height * (width + 1));
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (width + 1)];
            for (var x = 0; x < width; x++)
            {
                int a = x > 0 ? pixels[(y * width) + x - 1] : 0, b = y > 0 ? pixels[((y - 1) * width) + x] : 0;
                var c = x > 0 && y > 0 ? pixels[((y - 1) * width) + x - 1] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                };
                pixels[(y * width) + x] = (byte)(raw[(y * (width + 1)) + 1 + x] + predicted);
            }
        }

        return new Raster(width, height, dpi, 0, pixels);
    }

    /// <summary>Every page of a little-endian TIFF: LZW (5) strips decoded with their predictor, G4 (4) pages described.</summary>
    public static List<Raster> TiffPages(byte[] tiff)
    {
        tiff.AsSpan(0, 4).SequenceEqual("II*\0"u8).ShouldBeTrue("little-endian TIFF");
        var pages = new List<Raster>();
        for (var ifd = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4)); ifd != 0;)
        {
            var tags = new Dictionary<int, uint[]>();
            int count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan((int)ifd));
            for (var i = 0; i < count; i++)
            {
                var entry = tiff.AsSpan((int)ifd + 2 + (i * 12), 12);
                int tag = BinaryPrimitives.ReadUInt16LittleEndian(entry), type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
                var n = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
                var size = type switch { 3 => 2, 4 => 4, 5 => 8, _ => 1 } * n;
                var at = size <= 4 ? (int)ifd + 2 + (i * 12) + 8 : (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                tags[tag] = [.. Enumerable.Range(0, type == 5 ? n * 2 : n).Select(k => type == 3
                    ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at + (k * 2)))
                    : type is 4 or 5 ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at + (k * 4))) : tiff[at + k])];
            }

            int width = (int)tags[256][0], height = (int)tags[257][0], compression = (int)tags[259][0];
            var dpi = (int)Math.Round(tags[282][0] / (double)tags[282][1]);
            byte[]? pixels = null;
            if (compression == 5)
            {
                tags[258][0].ShouldBe(8u, "8-bit grey");
                using var decoded = new MemoryStream();
                for (var s = 0; s < tags[273].Length; s++)
                {
                    decoded.Write(Lzw(tiff.AsSpan((int)tags[273][s], (int)tags[279][s])));
                }

                pixels = decoded.ToArray();
                pixels.Length.ShouldBe(width * height);
                if (tags.TryGetValue(317, out var predictor) && predictor[0] == 2)
                {
                    for (var p = 0; p < pixels.Length; p++)
                    {
                        pixels[p] = p % width == 0 ? pixels[p] : (byte)(pixels[p] + pixels[p - 1]);
                    }
                }
            }
            else
            {
                tags[258][0].ShouldBe(1u, "a G4 page is bilevel");
                ((long)tags[273][0] + tags[279][0]).ShouldBeLessThanOrEqualTo(tiff.Length);
            }

            pages.Add(new Raster(width, height, dpi, compression, pixels));
            ifd = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan((int)ifd + 2 + (count * 12)));
        }

        return pages;
    }

    /// <summary>The page count of a PDF and its images inflated (8-bit grey expected), each with the dpi its page gives it.</summary>
    public static (int Pages, List<Raster> Images) Pdf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var pageWidths = MediaBox().Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var images = new List<Raster>();
        foreach (Match image in ImageObject().Matches(text))
        {
            var dictionary = image.Groups[1].Value;
            int Number(string key) => int.Parse(Regex.Match(dictionary, "/" + key + @"\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            dictionary.ShouldContain("/FlateDecode");
            dictionary.ShouldContain("Gray", Case.Sensitive, "a grey image (DeviceGray or CalGray)");
            var lengthObject = Regex.Match(text, $@"(?<!\d){Number("Length")} 0 obj\s*(\d+)");
            var length = lengthObject.Success && dictionary.Contains(" 0 R", StringComparison.Ordinal)
                ? int.Parse(lengthObject.Groups[1].Value, CultureInfo.InvariantCulture)
                : Number("Length");
            var start = image.Index + image.Length;
            var pixels = Inflate(pdf.AsSpan(start, length).ToArray());
            var dpi = images.Count < pageWidths.Count ? (int)Math.Round(Number("Width") * 72 / pageWidths[images.Count]) : 0;
            images.Add(new Raster(Number("Width"), Number("Height"), dpi, 8, pixels));
        }

        return (PageObject().Count(text), images);
    }

    /// <summary>A zlib stream (PNG IDAT, PDF FlateDecode) inflated.</summary>
    private static byte[] Inflate(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>TIFF LZW: MSB-first codes of 9 to 12 bits, clear 256, end 257, the code width growing one code early.</summary>
    private static byte[] Lzw(ReadOnlySpan<byte> source)
    {
        var table = new List<byte[]>(4096);
        var output = new List<byte>(source.Length * 4);
        byte[]? previous = null;
        var width = 9;
        for (long bit = 0; bit + width <= source.Length * 8L;)
        {
            var code = 0;
            for (var k = 0; k < width; k++, bit++)
            {
                code = (code << 1) | ((source[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }

            if (code == 257)
            {
                break;
            }

            if (code == 256)
            {
                table.Clear();
                table.AddRange(Enumerable.Range(0, 258).Select(v => new[] { (byte)v }));
                (previous, width) = (null, 9);
                continue;
            }

            var entry = code < table.Count ? table[code]
                : code == table.Count && previous is not null ? [.. previous, previous[0]]
                : throw new InvalidDataException($"LZW code {code} with {table.Count} entries");
            output.AddRange(entry);
            if (previous is not null)
            {
                table.Add([.. previous, entry[0]]);
            }

            previous = entry;
            width = table.Count >= 2047 ? 12 : table.Count >= 1023 ? 11 : table.Count >= 511 ? 10 : 9;
        }

        return [.. output];
    }

    [GeneratedRegex(@"obj\s*<<((?:(?!endobj)[\s\S])*?/Subtype\s*/Image[\s\S]*?)>>\s*stream\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex ImageObject();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0(?:\.0+)?\s+0(?:\.0+)?\s+([0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MediaBox();
}
