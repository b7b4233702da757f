namespace OfficeFlow.Functions.Hosting.Catalog;

/// <summary>
/// Holds the catalog, which can only be read once every endpoint is mapped (after the service
/// provider is built); <see cref="OfficeFlowApp.Build"/> sets it before the app starts.
/// </summary>
public sealed class FunctionCatalogAccessor
{
    private FunctionCatalog? _catalog;

    public FunctionCatalog Catalog => _catalog ?? throw new InvalidOperationException("The function catalog is read before OfficeFlowApp.Build finished mapping the endpoints.");

    internal void Set(FunctionCatalog catalog) => _catalog = catalog;
}
