using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OfficeFlow.Storage.Internal;

/// <summary>
/// Signs every attempt (it runs per retry, so each retry gets a fresh x-ms-date) with the Table
/// service's SharedKeyLite scheme: HMAC-SHA256 over "x-ms-date\n/account/path[?comp=...]".
/// Path-style URLs (Azurite, http://127.0.0.1:10002/devstoreaccount1/Tables) keep the account in the
/// path, so their canonicalized resource is "/devstoreaccount1/devstoreaccount1/Tables" — exactly
/// what Azurite computes from the request path.
/// </summary>
internal sealed class SharedKeyLitePolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _accountName;
    private readonly byte[] _accountKey;
    private readonly TimeProvider _time;

    public SharedKeyLitePolicy(string accountName, byte[] accountKey, TimeProvider? time = null)
    {
        _accountName = accountName;
        _accountKey = accountKey;
        _time = time ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = Sign(StringToSign(date, message.Request.Uri.ToUri()));
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKeyLite {_accountName}:{signature}");
    }

    internal string StringToSign(string date, Uri uri) => date + "\n" + CanonicalizedResource(uri);

    internal string CanonicalizedResource(Uri uri)
    {
        var resource = "/" + _accountName + uri.AbsolutePath;
        var comp = FindComp(uri.Query);
        return comp is null ? resource : resource + "?comp=" + comp;
    }

    internal string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_accountKey, Encoding.UTF8.GetBytes(stringToSign)));

    private static string? FindComp(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (string.Equals(name, "comp", StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
