using System.Security.Cryptography;
using System.Text;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>Deterministic ids: the same input always gives the same key, which is what makes add-then-409 idempotent.</summary>
public static class Keys
{
    /// <summary>Lower-case hex SHA-256 of the text, cut to <paramref name="length"/> characters.</summary>
    public static string Hash(string text, int length = 32) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    public static string MessageHash(string internetMessageId) => Hash(internetMessageId.Trim());

    public static string ClientId(string identity) => "cl" + Hash(identity, 20);

    public static string ContactId(string address) => "ct" + Hash(address.Trim().ToLowerInvariant(), 20);
}
