using Azure.Core;

namespace OfficeFlow.Storage;

/// <summary>Pipeline options (retries, diagnostics, transport) for the Table client.</summary>
public class TableClientOptions : ClientOptions
{
}
