using Microsoft.Identity.Client;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// Sends MSAL's token requests to a loopback stub: MSAL insists on https authorities such as
/// login.microsoftonline.com, so this handler keeps the path and swaps scheme, host and port for the stub's.
/// Give it to <c>OnBehalfOfGraphClientFactory</c>, or register it as <see cref="IMsalHttpClientFactory"/> in an app.
/// </summary>
public sealed class RetargetingMsalHttpClientFactory(Uri target) : IMsalHttpClientFactory
{
    private readonly HttpClient _client = new(new Retarget(target) { InnerHandler = new HttpClientHandler() });

    public HttpClient GetHttpClient() => _client;

    private sealed class Retarget(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
