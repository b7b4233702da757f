using System.Security.Cryptography.X509Certificates;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// The ASP.NET Core development certificate (what <c>dotnet dev-certs https</c> creates in the user's certificate store),
/// for the local https listener Office needs to sideload the add-in. Looked up here rather than left to Kestrel so
/// that a missing certificate stops the app with a message naming our setting.
/// </summary>
public static class DevCertificate
{
    /// <summary>The extension ASP.NET Core marks its development certificates with.</summary>
    public const string AspNetHttpsOid = "1.3.6.1.4.1.311.84.1.1";

    public static X509Certificate2 Require(Uri httpsUrl, Func<X509Certificate2?>? find = null) =>
        (find ?? Find)() ?? throw new InvalidOperationException(MissingMessage(httpsUrl));

    public static string MissingMessage(Uri httpsUrl) =>
        $"Hosting:AddinHttpsUrl is {httpsUrl}, but no ASP.NET Core development certificate was found to serve it: run 'dotnet dev-certs https' " +
        "(add --trust to make browsers and Office accept it), or unset Hosting:AddinHttpsUrl. " +
        $"/ Для Hosting:AddinHttpsUrl ({httpsUrl}) нет сертификата разработки ASP.NET Core: выполните «dotnet dev-certs https» " +
        "(с --trust, чтобы браузер и Office ему доверяли) или уберите настройку Hosting:AddinHttpsUrl.";

    /// <summary>The newest valid development certificate with its private key, or null.</summary>
    public static X509Certificate2? Find()
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var now = DateTime.Now;
        return store.Certificates
            .Where(c => c.Extensions.Any(e => e.Oid?.Value == AspNetHttpsOid) && c.HasPrivateKey && c.NotBefore <= now && now <= c.NotAfter)
            .OrderByDescending(c => c.NotAfter)
            .FirstOrDefault();
    }
}
