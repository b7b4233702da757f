using Azure.Core;

namespace OfficeFlow.Storage;

/// <summary>Pipeline options (retries, diagnostics, transport) for the Table client.</summary>
public class TableClientOptions : ClientOptions
{
    /// <summary>The clock that dates SharedKeyLite signatures (x-ms-date); tests pin it.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
