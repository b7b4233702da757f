using System.Security.Cryptography;

namespace OfficeFlow.Functions.Auth;

/// <summary>
/// The HMAC key of Development mode: <c>Auth:DevSigningKey</c> (base64, at least 32 bytes) if set, otherwise a
/// random key generated once into <c>&lt;Local:DataFolder&gt;/dev-signing-key</c>, so that the app started by
/// <c>./run.sh</c> and <c>officeflow dev-token</c> (both run from the repository root) use the same key.
/// </summary>
public static class DevSigningKey
{
    public const int MinimumBytes = 32;
    public const string FileName = "dev-signing-key";

    /// <summary>The key bytes and where they came from (for the start-up log; never the key itself).</summary>
    public static (byte[] Key, string Source) Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Auth:DevSigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (Decode(configured.Trim(), "Auth:DevSigningKey"), "setting Auth:DevSigningKey");
        }

        var path = FilePath(configuration);
        return (ReadOrCreate(path), $"file {path}");
    }

    public static string FilePath(IConfiguration configuration)
    {
        var folder = configuration["Local:DataFolder"];
        return Path.Combine(Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? ".local" : folder), FileName);
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        try
        {
            // CreateNew: when the app and the CLI start together, the first writer wins and the other reads its key.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Lost the race: give the winner a moment to finish writing its 44 characters.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return Decode(File.ReadAllText(path).Trim(), path);
                }
                catch (AuthConfigurationException) when (attempt < 20)
                {
                    Thread.Sleep(50);
                }
            }
        }
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new AuthConfigurationException($"The development signing key in {where} is not base64: generate one with 'openssl rand -base64 32' (or delete the file to get a new one).");
        }

        if (key.Length < MinimumBytes)
        {
            throw new AuthConfigurationException($"The development signing key in {where} has {key.Length} bytes; HMAC-SHA256 needs at least {MinimumBytes}: generate one with 'openssl rand -base64 32'.");
        }

        return key;
    }
}
