using System.Text;
using System.Text.Json;
using Connector.Host.Bench;

namespace Connector.Host.Cli;

/// <summary>
/// <c>connector bench ocr --json</c>: the figures as one JSON object. Rates in images per second, latencies in
/// milliseconds, memory in bytes; <c>cli</c> is null (and <c>cli_unavailable</c> says why) without the command line.
/// </summary>
internal static class OcrBenchJson
{
    public static void Write(TextWriter output, OcrBenchResult r, string folder)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("folder", folder);
            json.WriteNumber("images", r.Options.Images.Count);
            json.WriteNumber("rounds", r.Options.Rounds);
            json.WriteNumber("threads", r.Options.Threads);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteString("engine", r.Engine);
            json.WriteNumber("page_segmentation_mode", r.Options.Engine.PageSegmentationMode);
            if (r.Load is { } load)
            {
                json.WriteNumber("load_average_start", load.Start);
                json.WriteNumber("load_average_end", load.End);
            }

            json.WriteNumber("engine_start_ms", Math.Round(r.EngineStart.TotalMilliseconds, 1));
            json.WritePropertyName("cli");
            Speed(json, r.Cli);
            if (r.CliUnavailable is { } why)
            {
                json.WriteString("cli_unavailable", why);
            }
            else
            {
                json.WriteNull("cli_unavailable");
            }

            json.WritePropertyName("engine_1_thread");
            Speed(json, r.EngineOne);
            json.WritePropertyName("engine_n_threads");
            Speed(json, r.EngineMany);
            Number(json, "speedup_over_cli", r.SpeedUpOverCli);
            Number(json, "speedup_over_1_thread", r.SpeedUpOverOneThread);
            json.WriteNumber("aim_images_per_second", OcrBenchResult.AimPerSecond);
            json.WriteBoolean("aim_met", r.EngineMany.PerSecond >= OcrBenchResult.AimPerSecond);
            json.WriteNumber("output_differences", r.OutputDifferences);
            json.WriteStartObject("memory");
            json.WriteNumber("resident_bytes", r.Memory.Resident);
            json.WriteNumber("peak_resident_bytes", r.Memory.PeakResident);
            json.WriteNumber("allocated_per_image_bytes", r.Memory.AllocatedPerImage);
            json.WriteEndObject();
            Accuracy(json, r.Accuracy);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Accuracy(Utf8JsonWriter json, OcrAccuracy accuracy)
    {
        json.WriteStartObject("accuracy");
        json.WriteNumber("images", accuracy.Images);
        json.WriteNumber("fields_right", accuracy.Right);
        json.WriteNumber("fields_total", accuracy.Total);
        json.WriteStartArray("wrong");
        foreach (var field in accuracy.Wrong)
        {
            json.WriteStartObject();
            json.WriteString("image", field.Image);
            json.WriteString("field", field.Field);
            json.WriteString("expected", field.Expected);
            json.WriteString("actual", field.Actual);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Speed(Utf8JsonWriter json, OcrSpeed? speed)
    {
        if (speed is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("name", speed.Name);
        json.WriteNumber("threads", speed.Threads);
        json.WriteNumber("images", speed.Images);
        json.WriteNumber("seconds", Math.Round(speed.Elapsed.TotalSeconds, 3));
        Number(json, "images_per_second", speed.PerSecond);
        json.WriteNumber("p50_ms", Math.Round(speed.P50Ms, 1));
        json.WriteNumber("p95_ms", Math.Round(speed.P95Ms, 1));
        json.WriteNumber("failures", speed.Failures);
        if (speed.CpuMsPerImage is { } cpu)
        {
            json.WriteNumber("cpu_ms_per_image", Math.Round(cpu, 1));
        }
        else
        {
            json.WriteNull("cpu_ms_per_image");
        }
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
