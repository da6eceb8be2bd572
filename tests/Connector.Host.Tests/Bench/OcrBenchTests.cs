using System.Text.Json;
using Connector.Host.Cli;
using Connector.Host.Tests.Cli;
using Connector.Host.Tests.Pipeline;
using Spectre.Console;

namespace Connector.Host.Tests.Bench;

/// <summary><c>connector bench ocr</c> as a person runs it, over two images of the shared corpus (linked, not copied).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class OcrBenchTests : IDisposable
{
    private static readonly string[] TwoImages = ["cheque_en_01.png", "stub_fr_02.jpg"];

    private readonly TempDirectory _dir = new();

    [TesseractCorpusFact]
    public async Task BenchOcr_TwoCorpusImages_PrintsEveryFigure()
    {
        var folder = LinkCorpusImages();

        var (code, output) = await Run("bench", "ocr", "--images", folder, "--threads", "2", "--rounds", "1");

        code.ShouldBe(0, output);
        output.ShouldContain("connector bench ocr: speed");
        output.ShouldContain("engine, 1 thread");
        output.ShouldContain("engine, 2 threads");
        output.ShouldContain("Images per second");
        output.ShouldContain("p50 ms");
        output.ShouldContain("p95 ms");
        output.ShouldContain("over 1 thread:");
        output.ShouldContain("Resident memory");
        output.ShouldContain("2 with a ground truth");
        output.ShouldContain("1 eng, 1 fra");
        output.ShouldContain("CPU ms/image");
        output.ShouldMatch(@"Field accuracy: \d+ of \d+ fields right \(\d+\.\d%\) over 2 images");
        output.ShouldContain(TesseractProgram.OnPath ? "tesseract CLI, 2 processes" : "could not be started");
    }

    [Fact]
    public async Task BenchOcr_EmptyFolder_ExitsTwoNamingTheFolder()
    {
        var empty = _dir.File("no-images");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "notes.txt"), "not an image");

        var (code, output) = await Run("bench", "ocr", "--images", empty);

        code.ShouldBe(2);
        output.ShouldContain("no-images");
        output.ShouldContain("no image");
    }

    [TesseractFact]
    public async Task BenchOcr_FileThatIsNoImage_ExitsOneNamingTheFile()
    {
        var folder = _dir.File("broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "scan.png"), "not a PNG at all");

        var (code, output) = await Run("bench", "ocr", "--images", folder, "--threads", "1", "--rounds", "1");

        code.ShouldBe(1);
        output.ShouldContain("scan.png");
    }

    [Fact]
    public async Task BenchOcr_MissingFolder_ExitsTwoNamingTheFolder()
    {
        var (code, output) = await Run("bench", "ocr", "--images", _dir.File("absent"));

        code.ShouldBe(2);
        output.ShouldContain("absent");
    }

    [TesseractCorpusFact]
    public async Task BenchOcrJson_TwoCorpusImages_ParsesWithEveryFigure()
    {
        var folder = LinkCorpusImages();

        var (code, output) = await Run("bench", "ocr", "--images", folder, "--threads", "2", "--rounds", "1", "--json");

        code.ShouldBe(0, output);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("images").GetInt32().ShouldBe(2);
        root.GetProperty("threads").GetInt32().ShouldBe(2);
        foreach (var name in new[] { "engine_1_thread", "engine_n_threads" })
        {
            var speed = root.GetProperty(name);
            speed.GetProperty("images").GetInt32().ShouldBe(2);
            speed.GetProperty("images_per_second").GetDouble().ShouldBeGreaterThan(0);
            speed.GetProperty("p95_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(speed.GetProperty("p50_ms").GetDouble());
            speed.GetProperty("failures").GetInt32().ShouldBe(0);
        }

        root.GetProperty("engine_n_threads").GetProperty("threads").GetInt32().ShouldBe(2);
        root.GetProperty("output_differences").GetInt32().ShouldBe(0);
        root.GetProperty("memory").GetProperty("resident_bytes").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("engine_1_thread").GetProperty("cpu_ms_per_image").GetDouble().ShouldBeGreaterThan(0);
        var accuracy = root.GetProperty("accuracy");
        accuracy.GetProperty("images").GetInt32().ShouldBe(2);
        var total = accuracy.GetProperty("fields_total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(10 + 11, "a cheque has 10 fields or more, a stub 11 or more");
        var wrong = accuracy.GetProperty("wrong").EnumerateArray().ToList();
        (accuracy.GetProperty("fields_right").GetInt32() + wrong.Count).ShouldBe(total);
        wrong.ShouldAllBe(w => w.GetProperty("image").GetString() == "cheque_en_01.png" || w.GetProperty("image").GetString() == "stub_fr_02.jpg");
        var cli = root.GetProperty("cli");
        if (TesseractProgram.OnPath)
        {
            cli.GetProperty("images").GetInt32().ShouldBe(2);
            cli.GetProperty("failures").GetInt32().ShouldBe(0);
            cli.GetProperty("cpu_ms_per_image").GetDouble().ShouldBeGreaterThan(0, "the tesseract processes' CPU time");
            root.GetProperty("speedup_over_cli").GetDouble().ShouldBeGreaterThan(0);
        }
        else
        {
            cli.ValueKind.ShouldBe(JsonValueKind.Null);
            root.GetProperty("cli_unavailable").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A folder with symbolic links to two corpus images and their ground truth: one English cheque, one French stub.</summary>
    private string LinkCorpusImages()
    {
        var folder = _dir.File("images");
        Directory.CreateDirectory(folder);
        foreach (var image in TwoImages)
        {
            foreach (var file in new[] { image, Path.ChangeExtension(image, ".json") })
            {
                File.CreateSymbolicLink(Path.Combine(folder, file), Path.Combine(Tesseract.Synthetic, file));
            }
        }

        return folder;
    }

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var original = Console.Out;
        var originalAnsi = AnsiConsole.Console;
        using var output = new StringWriter();
        Console.SetOut(output);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            var code = await ConnectorCli.Build().Parse(["--mappings", PipelineHarness.RepositoryMappings, .. args]).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            AnsiConsole.Console = originalAnsi;
        }
    }
}

/// <summary>Whether the tesseract program is on the PATH (the bench compares with it when it is).</summary>
internal static class TesseractProgram
{
    public static bool OnPath => Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
        .Any(p => File.Exists(Path.Combine(p, "tesseract"))) == true;
}
