using Connector.Adapters.Abstractions;
using Connector.Host.Pipeline;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connector.Host.Cli;

/// <summary>
/// The long-running service: each entity runs when one of its sources' cron schedules fires. Entities run one after
/// another (one SQLite writer). Ctrl+C cancels: the current chunk is committed, the document stays to be resumed.
/// </summary>
internal sealed class ScheduledService(ConnectorApp app, IReadOnlyList<EntityRuntime> entities, TimeSpan settle)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var schedules = entities.ToDictionary(
            e => e,
            e => e.Definition.Sources.Select(s => new CronExpression(s.Schedule, TimeZoneInfo.Utc)).ToList());
        var next = schedules.ToDictionary(s => s.Key, s => NextFire(s.Value, app.Clock.GetUtcNow()));
        app.Logger.LogInformation("Connector service started for {Entities}; data in {Data}", string.Join(", ", entities.Select(e => e.Code)), app.Paths.DataDirectory);

        // Resume work a crash may have left, right away, before waiting for the first schedule.
        foreach (var entity in entities)
        {
            await RunOnce(entity, "startup", cancellationToken).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var due = next.Where(n => n.Value is not null).OrderBy(n => n.Value).FirstOrDefault();
            if (due.Key is null)
            {
                app.Logger.LogWarning("No schedule will fire again; stopping.");
                return;
            }

            var wait = due.Value!.Value - app.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, app.Clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await RunOnce(due.Key, "schedule", cancellationToken).ConfigureAwait(false);
            next[due.Key] = NextFire(schedules[due.Key], app.Clock.GetUtcNow());
        }

        app.Logger.LogInformation("Connector service stopped cleanly.");
    }

    private async Task RunOnce(EntityRuntime scheduled, string trigger, CancellationToken cancellationToken)
    {
        try
        {
            var entity = app.Entity(scheduled.Code);
            var runner = app.Runner();
            var request = new RunRequest(trigger, Settle: settle);
            if (!runner.HasWork(entity, request))
            {
                // No run is recorded when there is nothing to do: the run list stays readable.
                return;
            }

            await runner.RunAsync(entity, app.TargetFor(entity), request, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetSetupException e)
        {
            app.Logger.LogError("Run of {Entity} not started: its target cannot be used as configured: {Reason}. Fix the entity's target and check it with: connector targets check {Entity}", scheduled.Code, e.Message, scheduled.Code);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // One entity's trouble (a full disk, a missing folder) must not stop the others; the run is recorded.
            app.Logger.LogError(e, "Run of {Entity} failed; it will be tried again at its next schedule", scheduled.Code);
        }
    }

    private static DateTimeOffset? NextFire(IEnumerable<CronExpression> expressions, DateTimeOffset after)
        => expressions.Select(e => e.GetNextValidTimeAfter(after)).Where(t => t is not null).Min();
}
