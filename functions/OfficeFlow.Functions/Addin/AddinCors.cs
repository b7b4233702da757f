using Microsoft.AspNetCore.Cors.Infrastructure;

namespace OfficeFlow.Functions.Addin;

/// <summary>The CORS policy of /api for the add-in served from another origin (<c>Addin:Origins</c>).</summary>
public static class AddinCors
{
    public const string Policy = "addin";

    /// <summary>What the panes send: the token, JSON, and the headers of conditional edits and repeatable POSTs.</summary>
    public static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "If-Match", "Idempotency-Key"];

    /// <summary>Response headers the panes read; a browser hides all others from a cross-origin script.</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "X-Contract-Number", "Content-Disposition", "Retry-After"];

    public static void Configure(CorsOptions options, AddinSettings settings) =>
        options.AddPolicy(Policy, policy => policy
            .WithOrigins([.. settings.Origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            // Bearer tokens, not cookies: no credentials mode. One preflight per path and 10 minutes.
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
}
