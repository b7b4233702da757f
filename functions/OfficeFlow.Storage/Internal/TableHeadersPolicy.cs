using Azure.Core;
using Azure.Core.Pipeline;

namespace OfficeFlow.Storage.Internal;

/// <summary>The protocol headers every Table service request carries (OData v3 JSON, a fixed service version).</summary>
internal sealed class TableHeadersPolicy : HttpPipelineSynchronousPolicy
{
    internal const string ServiceVersion = "2019-02-02";
    internal const string AcceptJson = "application/json;odata=minimalmetadata";

    public override void OnSendingRequest(HttpMessage message)
    {
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-version", ServiceVersion);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (!headers.Contains(HttpHeader.Names.Accept))
        {
            headers.SetValue(HttpHeader.Names.Accept, AcceptJson);
        }
    }
}
