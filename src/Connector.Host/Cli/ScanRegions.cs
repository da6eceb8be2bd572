using System.Globalization;
using Connector.Adapters.Ocr;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Mapping.Ocr.Scans;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>
/// Shows an operator the image behind each failed field of a scanned payment: the region cut from the stored scan,
/// drawn in the terminal, and (when asked) written as PNG files named by the payment and the field, never by a
/// received file name.
/// </summary>
internal static class ScanRegions
{
    public static void Write(ConnectorApp app, RemittanceInfo payment, ScannedReadings readings, string? cropsFolder)
    {
        var crops = ScanCrops.OfFailedFields(app.Store, app.Paths, payment, readings, out var unavailable);
        foreach (var crop in crops)
        {
            RegionView.Write(ScanImages.Preview(crop.Page, crop.Region, RegionView.Columns, RegionView.Rows), crop.Caption);
            if (cropsFolder is not null)
            {
                Directory.CreateDirectory(cropsFolder);
                var file = Path.Combine(cropsFolder, string.Create(CultureInfo.InvariantCulture, $"payment-{payment.Id}-{Safe(crop.Field)}.png"));
                File.WriteAllBytes(file, ScanImages.Crop(crop.Page, crop.Region));
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]written {file}[/]");
            }
        }

        foreach (var why in unavailable)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [yellow]{why}[/]");
        }
    }

    private static string Safe(string field) => new([.. field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
