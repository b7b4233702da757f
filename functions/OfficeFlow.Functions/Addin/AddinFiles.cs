using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Functions.Addin;

/// <summary>
/// The /addin/ branch of the standalone host: config.json, and the built add-in's files when <c>Addin:Folder</c> is set.
/// A branch of its own, ahead of authentication: the files are public (Office loads them before anyone signs in),
/// and whatever it does not serve is a plain 404, never the API's 401 for unknown paths.
/// </summary>
internal static class AddinFiles
{
    public const string PathPrefix = "/addin";

    /// <summary>Vite's content-hashed bundles: a changed file gets a new name, so they may be cached for good.</summary>
    private const string AssetsFolder = "/assets";

    public static void Configure(IApplicationBuilder branch, AddinSettings settings, ILogger logger)
    {
        branch.UseResponseCompression();
        branch.Use(async (context, next) =>
        {
            if (context.Request.Path == "/config.json" && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                var config = AddinConfig.From(context.RequestServices.GetRequiredService<AuthSettings>(), settings);
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.WriteAsJsonAsync(config, System.Text.Json.JsonSerializerOptions.Web, context.RequestAborted);
                return;
            }

            await next(context);
        });

        if (settings.Folder is { } folder)
        {
            if (Directory.Exists(folder))
            {
                // No default documents and no directory browsing: only files asked for by name. PhysicalFileProvider
                // refuses paths that leave the folder.
                branch.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(folder),
                    ContentTypeProvider = new FileExtensionContentTypeProvider(),
                    OnPrepareResponse = SetCaching,
                });
                logger.LogInformation("Serving the add-in from {Folder} under {Prefix}/", folder, PathPrefix);
            }
            else
            {
                logger.LogWarning("Addin:Folder {Folder} does not exist, so the add-in is not served: build it (npm run build in addin/) and restart.", folder);
            }
        }

        branch.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static void SetCaching(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // Pages and manifests must be re-checked every time, or Office keeps running an old add-in after a build.
        headers.CacheControl = file.Context.Request.Path.StartsWithSegments(AssetsFolder)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
