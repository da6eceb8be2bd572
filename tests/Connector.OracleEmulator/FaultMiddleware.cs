using System.Globalization;

namespace Connector.OracleEmulator;

/// <summary>Applies the next matching fault before authentication and routing, as a gateway in front of Fusion would.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorFaults faults, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context)
    {
        faults.RequestStarted();
        try
        {
            await ApplyAsync(context);
        }
        finally
        {
            faults.RequestEnded();
        }
    }

    private async Task ApplyAsync(HttpContext context)
    {
        var rule = faults.Take(context.Request.Method, context.Request.Path.Value ?? "/");
        switch (rule?.Kind)
        {
            case null:
                await next(context);
                return;
            case FaultKind.Latency:
                await Task.Delay(rule.Delay, context.RequestAborted);
                await next(context);
                return;
            case FaultKind.TooManyRequests:
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests", rule.RetryAfter);
                return;
            case FaultKind.ServiceUnavailable:
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", rule.RetryAfter);
                return;
            case FaultKind.InternalServerError:
                await RefuseAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error", null);
                return;
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.Timeout:
                await HangAsync(context);
                return;
            case FaultKind.CommittedResponseLost:
                await HandleThenAbortAsync(context);
                return;
            default:
                throw new InvalidOperationException($"Unknown fault kind {rule.Kind}.");
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string text, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator stops: either way no answer is sent.
        }

        context.Abort();
    }

    private async Task HandleThenAbortAsync(HttpContext context)
    {
        // The handler writes into a buffer that is never sent; its side effects (the stored invoice) stay.
        var original = context.Response.Body;
        await using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }
}
