using System.Globalization;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// The largest request body the app reads (<c>Hosting:MaxRequestBodyBytes</c>, 4 MB by default: a long e-mail's HTML
/// fits, a flood does not). A larger body is refused with 413 as soon as its Content-Length says so, or as soon as
/// that many bytes have been read when it does not say.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, HostingSettings settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = settings.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw RequestLimits.TooLarge();
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        return next(context);
    }
}

/// <summary>Helpers for the body size limit's answer.</summary>
internal static class RequestLimits
{
    public static BadHttpRequestException TooLarge() => new("Request body too large.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>"4 МБ": the limit as the 413 message states it.</summary>
    public static string Describe(HttpContext context)
    {
        var bytes = context.RequestServices.GetService<HostingSettings>()?.MaxRequestBodyBytes ?? HostingSettings.DefaultMaxRequestBodyBytes;
        return bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU")) + " МБ"
            : (bytes / 1024.0).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU")) + " КБ";
    }
}

/// <summary>A request body that throws 413 once more than the limit has been read.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw RequestLimits.TooLarge() : read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
