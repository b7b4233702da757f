using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// Writes (POST, PUT, PATCH, DELETE under /api) are limited per user — the token's subject (<c>oid</c>, else <c>sub</c>) —
/// to <c>RateLimits:WritesPerMinute</c> (120 by default: far above what a person does in the add-in, far below a
/// runaway script). Reads are not limited. Over the limit: 429 with <c>Retry-After</c> and a Russian ProblemDetails.
/// Runs after authentication and authorization, so a caller without a valid token cannot spend anyone's budget.
/// </summary>
public static class RateLimits
{
    public const int DefaultWritesPerMinute = 120;

    public static IServiceCollection AddOfficeFlowRateLimits(this IServiceCollection services)
    {
        services.AddSingleton(sp => RateLimitSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    public static WebApplication UseOfficeFlowRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!IsWrite(context.Request))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var user = context.User.FindFirst("oid")?.Value ?? context.User.FindFirst("sub")?.Value;
        // Anonymous writes (the development sign-in) share a partition per address.
        var key = user is null ? "address:" + context.Connection.RemoteIpAddress : "user:" + user;
        var perMinute = context.RequestServices.GetRequiredService<RateLimitSettings>().WritesPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var perMinute = http.RequestServices.GetRequiredService<RateLimitSettings>().WritesPerMinute;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Слишком много запросов",
            Detail = $"Слишком много изменений подряд: не больше {perMinute} в минуту на пользователя. Повторите через {seconds} с.",
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}

/// <summary><c>RateLimits:WritesPerMinute</c>: how many writes one user may make per minute (default <see cref="RateLimits.DefaultWritesPerMinute"/>).</summary>
public sealed record RateLimitSettings(int WritesPerMinute)
{
    public static RateLimitSettings From(IConfiguration configuration)
    {
        var text = configuration["RateLimits:WritesPerMinute"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RateLimitSettings(RateLimits.DefaultWritesPerMinute);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) && perMinute is >= 1 and <= 100_000
            ? new RateLimitSettings(perMinute)
            : throw new InvalidOperationException($"RateLimits:WritesPerMinute is '{text}'; write a whole number from 1 to 100000, e.g. {RateLimits.DefaultWritesPerMinute}.");
    }
}
