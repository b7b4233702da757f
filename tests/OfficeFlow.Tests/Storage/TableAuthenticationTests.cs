using System.Net;
using Azure.Core;
using NSubstitute;
using OfficeFlow.Storage;
using OfficeFlow.Storage.Internal;

namespace OfficeFlow.Tests.Storage;

public sealed class TableAuthenticationTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    // Expected signatures computed independently:
    // printf 'Sun, 22 Nov 2026 06:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<dev key as hex> -binary | base64
    private const string PathStyleTablesSignature = "W92ooNvfEtrCwt1ea5T7GfxO7zXH7egqt2xhGXWKQhI=";
    private const string CompSignature = "JgqF653aTCI/vC5BUmNowx0Th/tp9WusAuCdNvbvj1A=";

    [Fact]
    public void StringToSign_ForAPathStyleUrl_RepeatsTheAccountLikeAzuriteExpects()
    {
        var policy = new SharedKeyLitePolicy("devstoreaccount1", Convert.FromBase64String(DevKey));

        var stringToSign = policy.StringToSign("Sun, 22 Nov 2026 06:00:00 GMT", new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables?$filter=x"));

        Assert.Equal("Sun, 22 Nov 2026 06:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", stringToSign);
        Assert.Equal(PathStyleTablesSignature, policy.Sign(stringToSign));
    }

    [Fact]
    public void CanonicalizedResource_KeepsCompAndDropsOtherQueryParameters()
    {
        var policy = new SharedKeyLitePolicy("myaccount", Convert.FromBase64String(DevKey));

        Assert.Equal("/myaccount/mytable?comp=acl", policy.CanonicalizedResource(new Uri("https://myaccount.table.core.windows.net/mytable?timeout=5&comp=acl")));
        Assert.Equal("/myaccount/mytable(PartitionKey='a',RowKey='b')",
            policy.CanonicalizedResource(new Uri("https://myaccount.table.core.windows.net/mytable(PartitionKey='a',RowKey='b')?$select=X")));
        Assert.Equal(CompSignature, policy.Sign("Sun, 22 Nov 2026 06:00:00 GMT\n/myaccount/mytable?comp=acl"));
    }

    [Fact]
    public async Task ConnectionStringClient_SendsSharedKeyLiteWithDateAndProtocolHeaders()
    {
        var handler = new RecordingHandler(() => RecordingHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        var service = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};TableEndpoint=http://127.0.0.1:10002/devstoreaccount1",
            handler.Options(new FixedTimeProvider(Now)));

        await service.QueryTablesAsync().ToListAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal($"SharedKeyLite devstoreaccount1:{PathStyleTablesSignature}", request.Headers.Authorization!.ToString());
        Assert.Equal("Sun, 22 Nov 2026 06:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("3.0", request.Headers.GetValues("DataServiceVersion").Single());
        Assert.Equal("application/json;odata=minimalmetadata", request.Headers.NonValidated["Accept"].ToString());
    }

    [Fact]
    public async Task TokenCredentialClient_SendsABearerTokenForTheStorageScope()
    {
        var credential = Substitute.For<TokenCredential>();
        credential.GetTokenAsync(Arg.Any<TokenRequestContext>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<AccessToken>(new AccessToken("token-from-entra", Now.AddHours(1))));
        var handler = new RecordingHandler(() => RecordingHandler.Json(HttpStatusCode.OK, """{"value":[{"TableName":"Clients"}]}"""));
        var service = new TableServiceClient(new Uri("https://officeflow.table.core.windows.net"), credential, handler.Options());

        var tables = await service.QueryTablesAsync().ToListAsync();

        Assert.Equal(["Clients"], tables);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-from-entra", request.Headers.Authorization!.ToString());
        Assert.Equal(new Uri("https://officeflow.table.core.windows.net/Tables"), request.RequestUri);
        await credential.Received().GetTokenAsync(
            Arg.Is<TokenRequestContext>(c => c.Scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AServerBusyAnswer_IsRetriedByAzureCoreAndEachAttemptIsSigned()
    {
        var handler = new RecordingHandler(
            () => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}"""),
            () => RecordingHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        var service = new TableServiceClient("UseDevelopmentStorage=true", handler.Options());

        await service.QueryTablesAsync().ToListAsync();

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Headers.Authorization!.ToString()));
    }

    [Fact]
    public async Task AnUnexpectedServiceError_ThrowsWithStatusAndCodeFromTheODataBody()
    {
        var handler = new RecordingHandler(() => RecordingHandler.Json(HttpStatusCode.BadRequest,
            """{"odata.error":{"code":"PropertyValueTooLarge","message":{"lang":"en-US","value":"The property value exceeds the maximum allowed size (64KB).\nRequestId:1"}}}"""));
        var table = new TableServiceClient("UseDevelopmentStorage=true", handler.Options()).GetTableClient("Clients");

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.AddEntityAsync(new Note("p", "r")));

        Assert.Equal(400, error.Status);
        Assert.Equal("PropertyValueTooLarge", error.ErrorCode);
        Assert.Contains("exceeds the maximum allowed size", error.Message);
        Assert.Contains("'Clients'", error.Message);
    }
}
