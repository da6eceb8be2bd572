using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.EInvoicing;

namespace Connector.Adapters.Tests.EInvoicing;

[Collection(PopplerCollection.Name)]
public sealed class PopplerPdfAttachmentsLimitsTests
{
    private static string SamplePdf => Path.Combine(Poppler.SamplesFolder, "FR01_efacture_FX26-00101_EN16931.pdf");

    [Fact]
    public void Extract_ToolPathMissing_IsToolMissingWithTheInstallHint()
    {
        var options = new PdfToolOptions { PdfDetach = "/nonexistent/poppler/pdfdetach" };
        using var pdf = new MemoryStream("%PDF-1.7\n"u8.ToArray());

        var result = new PopplerPdfAttachments(options).Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.ToolMissing);
        result.Message.ShouldNotBeNull().ShouldContain("install poppler-utils (apt-get install poppler-utils)");
        result.Message.ShouldContain("/nonexistent/poppler/pdfdetach");
        result.Message.ShouldContain("CONNECTOR_PDFDETACH");
        PopplerPdfAttachments.IsAvailable(options, out var message).ShouldBeFalse();
        message.ShouldNotBeNull().ShouldContain("apt-get install poppler-utils");
    }

    [PopplerFact]
    public void Extract_PdfInfoMissing_IsToolMissingNamingItsVariable()
    {
        using var pdf = File.OpenRead(SamplePdf);

        var result = new PopplerPdfAttachments(new PdfToolOptions { PdfInfo = "/nonexistent/poppler/pdfinfo" }).Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.ToolMissing);
        result.Message.ShouldNotBeNull().ShouldContain("poppler's pdfinfo could not be started from '/nonexistent/poppler/pdfinfo'");
        result.Message.ShouldContain("CONNECTOR_PDFINFO");
    }

    // The Connector runs on Linux (Debian's poppler, /proc): the fake tool is a shell script.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Extract_ToolOverrunsTheLimit_IsTimedOutAndTheProcessTreeIsKilled()
    {
        using var folder = new TempFolder();
        var pids = Path.Combine(folder.Path, "pids");
        var tool = folder.Write("slow-pdfdetach", System.Text.Encoding.ASCII.GetBytes(
            $"#!/bin/sh\nsleep 30 &\necho \"$$ $!\" > '{pids}'\nwait\n"));
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var extractor = new PopplerPdfAttachments(new PdfToolOptions { PdfDetach = tool, Timeout = TimeSpan.FromSeconds(1) });
        using var pdf = File.OpenRead(SamplePdf);
        var clock = Stopwatch.StartNew();

        var result = extractor.Extract(pdf);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        result.Status.ShouldBe(PdfExtractionStatus.TimedOut);
        result.Message.ShouldBe("slow-pdfdetach did not finish reading the PDF within the limit of 1 s and was stopped.");
        var started = File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        started.Count.ShouldBe(2);
        foreach (var pid in started)
        {
            IsGone(pid).ShouldBeTrue($"process {pid} is still running");
        }
    }

    [PopplerFact]
    public void Extract_AttachmentOverTheLimit_IsTooLarge()
    {
        using var folder = new TempFolder();
        var big = folder.Write("annexe.xml", new byte[3 * 1024 * 1024]);
        var output = Path.Combine(folder.Path, "big.pdf");
        Attach(SamplePdf, big, output);
        using var pdf = File.OpenRead(output);

        var result = new PopplerPdfAttachments(new PdfToolOptions { MaxAttachmentBytes = 1024 * 1024 }).Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.TooLarge);
        result.Attachments.ShouldBeEmpty();
        result.Message.ShouldBe("The embedded file 'annexe.xml' is 3145728 bytes, over the limit of 1048576 bytes per attachment.");
    }

    [PopplerFact]
    public void Extract_AttachmentsTogetherOverTheLimit_IsTooLarge()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.xml", new byte[600 * 1024]);
        var second = folder.Write("b.xml", new byte[600 * 1024]);
        var middle = Path.Combine(folder.Path, "one.pdf");
        var output = Path.Combine(folder.Path, "two.pdf");
        Attach(SamplePdf, first, middle);
        Attach(middle, second, output);
        using var pdf = File.OpenRead(output);

        var result = new PopplerPdfAttachments(new PdfToolOptions { MaxAttachmentBytes = 1024 * 1024, MaxTotalBytes = 1024 * 1024 }).Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.TooLarge);
        result.Message.ShouldNotBeNull().ShouldStartWith("The embedded XML files take more than the limit of 1048576 bytes together");
    }

    [PopplerFact]
    public void Extract_Always_LeavesNoTemporaryFilesBehind()
    {
        // Its own work root: other tests extracting at the same time must not be counted.
        var root = Directory.CreateTempSubdirectory("connector-pdf-test-root-").FullName;
        var extractor = new PopplerPdfAttachments(new PdfToolOptions { WorkRoot = root });
        using (var memory = new MemoryStream(File.ReadAllBytes(SamplePdf)))
        {
            extractor.Extract(memory).Status.ShouldBe(PdfExtractionStatus.Ok);
        }

        using (var broken = new MemoryStream("not a pdf"u8.ToArray()))
        {
            extractor.Extract(broken).Status.ShouldBe(PdfExtractionStatus.Unreadable);
        }

        using (var file = File.OpenRead(SamplePdf))
        {
            extractor.Extract(file).Status.ShouldBe(PdfExtractionStatus.Ok);
        }

        Directory.GetFileSystemEntries(root).ShouldBeEmpty();
        Directory.Delete(root);
    }

    [Fact]
    public void FromEnvironment_Variables_SetTheToolPathsAndKeepTheLimits()
    {
        var saved = (Environment.GetEnvironmentVariable(PdfToolOptions.PdfDetachVariable), Environment.GetEnvironmentVariable(PdfToolOptions.PdfInfoVariable));
        try
        {
            Environment.SetEnvironmentVariable(PdfToolOptions.PdfDetachVariable, "/opt/poppler/bin/pdfdetach");
            Environment.SetEnvironmentVariable(PdfToolOptions.PdfInfoVariable, " ");
            var options = PdfToolOptions.FromEnvironment();

            options.PdfDetach.ShouldBe("/opt/poppler/bin/pdfdetach");
            options.PdfInfo.ShouldBe("pdfinfo");
            options.Timeout.ShouldBe(TimeSpan.FromSeconds(20));
            options.MaxAttachmentBytes.ShouldBe(20L * 1024 * 1024);
            options.MaxTotalBytes.ShouldBe(50L * 1024 * 1024);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PdfToolOptions.PdfDetachVariable, saved.Item1);
            Environment.SetEnvironmentVariable(PdfToolOptions.PdfInfoVariable, saved.Item2);
        }
    }

    [Fact]
    public void Constructor_ZeroTimeout_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PopplerPdfAttachments(new PdfToolOptions { Timeout = TimeSpan.Zero }));
    }

    private static void Attach(string pdf, string file, string output)
    {
        using var process = Process.Start(new ProcessStartInfo("pdfattach") { ArgumentList = { pdf, file, output }, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
    }

    /// <summary>Gone, or a zombie waiting for a parent that is no longer ours to reap it.</summary>
    private static bool IsGone(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            try
            {
                var text = File.ReadAllText(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
