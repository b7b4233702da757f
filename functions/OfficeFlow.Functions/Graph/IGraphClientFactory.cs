using Microsoft.Graph;

namespace OfficeFlow.Functions.Graph;

/// <summary>Graph clients that act as the signed-in user (on-behalf-of the token the add-in sent to the API).</summary>
public interface IGraphClientFactory
{
    /// <summary>A client whose calls carry a Graph token obtained on behalf of <paramref name="userAccessToken"/> (the caller's API token).</summary>
    GraphServiceClient ForUser(string userAccessToken);
}
